using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Tdkt.Benchmarks;

/// <summary>
/// `tdkt up` as a new process, with Azurite and the mail server already running: time from starting the
/// process to the first answered request (GET /api/health), three times.
/// </summary>
public static class HostStartBenchmark
{
    public static async Task RunAsync(TextWriter output)
    {
        var times = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            var port = FreePort();
            var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Tdkt.Cli.dll"), "up", "--as-of", "2023-03-24", "--port", port.ToString(CultureInfo.InvariantCulture) })
            {
                info.ArgumentList.Add(argument);
            }
            info.Environment["Tdkt__Storage__Prefix"] = "bench" + Guid.NewGuid().ToString("N")[..10];
            info.Environment["Tdkt__Links__SigningKeys"] = "b1=" + Convert.ToBase64String(new byte[32]);
            info.Environment["Tdkt__LocalHost__AdminKey"] = Guid.NewGuid().ToString("N");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(info)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            while (true)
            {
                try
                {
                    if ((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/health"))).IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet, or too busy starting to answer within the probe's 2 s: not yet answered, ask again.
                }
                if (watch.Elapsed > TimeSpan.FromSeconds(60) || process.HasExited)
                {
                    throw new InvalidOperationException("tdkt up did not answer within 60 s");
                }
                await Task.Delay(20);
            }
            times.Add(watch.Elapsed.TotalSeconds);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"host_start_to_first_request_median {times.Order().ElementAt(1):0.##} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"host_start_to_first_request_max {times.Max():0.##} s"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
