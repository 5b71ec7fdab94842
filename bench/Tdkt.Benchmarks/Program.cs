using Tdkt.Benchmarks;

// Prints one line per figure: "name value unit". Storage figures need Tdkt__Storage__ConnectionString (bench/run starts Azurite).
var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
await PlanImportBenchmark.RunAsync(root, Console.Out);
