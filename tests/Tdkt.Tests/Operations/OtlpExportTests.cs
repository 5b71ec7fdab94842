using System.Text;
using Tdkt.Tests.Cli;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Operations;

/// <summary><c>OTEL_EXPORTER_OTLP_ENDPOINT=… tdkt up --once --as-of 2023-03-24</c> sends its traces and metrics to a collector over OTLP/HTTP.</summary>
public sealed class OtlpExportTests(LocalServices services)
{
    [Fact]
    public async Task Tdkt_up_once_sends_traces_and_metrics_over_otlp_http_protobuf_to_the_configured_endpoint()
    {
        await using var receiver = new OtlpReceiver();
        var sender = $"otlp-{Guid.NewGuid():N}"[..17] + "@example.org";
        var environment = UpCommandTests.UpEnvironment(services, sender);
        environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString();

        var run = await CliProcess.RunAsync(environment, "up", "--once", "--as-of", "2023-03-24");

        Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
        Assert.EndsWith("Thứ Sáu, 24/03/2023: tạo 7 thư, đã gửi 7, lỗi 0, chờ gửi lại 0.", run.StdOut.TrimEnd(), StringComparison.Ordinal);
        var requests = receiver.Requests.ToList();
        Assert.All(requests, r => Assert.Equal("application/x-protobuf", r.ContentType));
        var traces = Text(requests, "/v1/traces");
        var metrics = Text(requests, "/v1/metrics");
        // Protobuf keeps strings as UTF-8: the span and metric names and their attributes are readable in the bytes.
        foreach (var span in new[] { "tdkt.sweep", "tdkt.dispatch", "tdkt.digest.send", "tdkt.plan.import", "2023-03-24/daily/so-noi-vu", "tdkt-up" })
        {
            Assert.Contains(span, traces, StringComparison.Ordinal);
        }
        foreach (var metric in new[] { "tdkt.sweep.runs", "tdkt.digests.created", "tdkt.digests.sent", "tdkt.digest.send.duration", "tdkt.sweep.duration" })
        {
            Assert.Contains(metric, metrics, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("@example.org", traces + metrics, StringComparison.Ordinal);
    }

    private static string Text(IEnumerable<OtlpRequest> requests, string path) =>
        string.Concat(requests.Where(r => r.Path == path).Select(r => Encoding.UTF8.GetString(r.Body)));
}
