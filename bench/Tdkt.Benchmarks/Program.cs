using Tdkt.Benchmarks;

// Prints one line per figure: "name value unit". bench/run starts Azurite and smtp4dev and sets the settings.
var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
await PlanImportBenchmark.RunAsync(root, Console.Out);
await DispatchBenchmark.RunAsync(root, Console.Out);
