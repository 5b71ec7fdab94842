using Tdkt.Benchmarks;

// Prints one line per figure: "name value unit". bench/run starts Azurite and smtp4dev and sets the settings.
// `bench/run completion` (or plan, hostile, dispatch, sweep, page, console, host, faults) runs one group only.
if (args is [HostileInputBenchmark.ChildMode, var file, var directory])
{
    return HostileInputBenchmark.RunChild(file, directory);
}
var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
var only = args.Length > 1 ? args[1] : null;
if (only == "smoke")
{
    // Every group at small sizes: shows that each benchmark still runs, not what it measures.
    Bench.Smoke = true;
    only = null;
}
if (only is null or "plan")
{
    await PlanImportBenchmark.RunAsync(root, Console.Out);
}
if (only is null or "hostile")
{
    await HostileInputBenchmark.RunAsync(root, Console.Out);
}
if (only is null or "dispatch")
{
    await DispatchBenchmark.RunAsync(root, Console.Out);
}
if (only is null or "sweep")
{
    await SweepScaleBenchmark.RunAsync(Console.Out, Bench.Size(100_000, 2_000));
    if (!Bench.Smoke)
    {
        await SweepScaleBenchmark.RunAsync(Console.Out, 1_000_000);
    }
}
if (only is null or "completion")
{
    await CompletionBenchmark.RunAsync(root, Console.Out);
}
if (only is null or "page")
{
    await AgencyPageBenchmark.RunAsync(root, Console.Out);
}
if (only is null or "console")
{
    await ConsoleDashboardBenchmark.RunAsync(root, Console.Out);
}
if (only is null or "host")
{
    await HostStartBenchmark.RunAsync(Console.Out);
}
if (only is null or "faults")
{
    await FaultsBenchmark.RunAsync(Console.Out);
}
return 0;
