using System.Diagnostics;
using System.Net;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Tdkt.Diagnostics;
using Tdkt.Mail;
using Tdkt.Scheduling;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Operations;

/// <summary>The product's source and meter are process-wide: tests that listen to them run alone.</summary>
[CollectionDefinition(nameof(TelemetryListeners), DisableParallelization = true)]
public sealed class TelemetryListeners;

/// <summary>
/// A sweep, a dispatch over SMTP, a completion through the link and a forged link, on the self-hosted server with
/// OpenTelemetry's in-memory exporters: the spans and metrics the alerts and dashboards need, with identifiers as
/// attributes and no person's name, note, address or link token anywhere.
/// </summary>
[Collection(nameof(TelemetryListeners))]
public sealed class TelemetryTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sweep_dispatch_and_completion_produce_their_spans_and_metrics_without_personal_data()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        var sender = $"otel-{Guid.NewGuid():N}"[..17] + "@example.org";
        await using var web = await WebScenario.StartAsync(services, services.Smtp4dev.MailSettings(sender), replace: s => s
            .ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans))
            .ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics)));
        var page = web.PagePath("so-noi-vu");
        var token = WebScenario.TokenOf(page);

        await web.Get<DailySweep>().RunAsync(new NodaTime.LocalDate(2023, 3, 24), false, "test", null, Ct);
        var pass = await web.Get<MailDispatcher>().DispatchPendingAsync(4, Ct);
        Assert.Equal(HttpStatusCode.SeeOther, (await web.PostAsync(page, web.Task("2"), name: "Nguyễn Văn An", note: "Công văn số 45/SNV")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await web.Http.GetAsync("api/a/khong-phai-duong-dan", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await web.Http.GetAsync($"api/plans/{web.Plan.Id}/report?format=json&code={WebScenario.AdminKey}", Ct)).StatusCode);
        web.Get<TracerProvider>().ForceFlush();
        web.Get<MeterProvider>().ForceFlush();

        Assert.Equal(7, pass.Sent);
        var sweep = Assert.Single(spans, s => s.OperationName == "tdkt.sweep");
        Assert.Equal(("2023-03-24", "test", "succeeded", 7), (sweep.GetTagItem(Telemetry.Tags.Date), sweep.GetTagItem(Telemetry.Tags.Trigger),
            sweep.GetTagItem(Telemetry.Tags.Outcome), sweep.GetTagItem("tdkt.digests.created")));
        var sends = spans.Where(s => s.OperationName == "tdkt.digest.send").ToList();
        Assert.Equal(7, sends.Count);
        Assert.All(sends, s => Assert.Equal(("Smtp", "sent"), (s.GetTagItem(Telemetry.Tags.Channel), s.GetTagItem(Telemetry.Tags.Outcome))));
        Assert.Contains(sends, s => (string?)s.GetTagItem(Telemetry.Tags.Digest) == "2023-03-24/daily/so-noi-vu");
        Assert.Single(spans, s => s.OperationName == "tdkt.dispatch");
        var completion = Assert.Single(spans, s => s.OperationName == "tdkt.completion");
        Assert.Equal(("2023-252-kh-ubnd", web.Task("2").TaskKey, "so-noi-vu", "link", "recorded"),
            (completion.GetTagItem(Telemetry.Tags.Plan), completion.GetTagItem(Telemetry.Tags.Task), completion.GetTagItem(Telemetry.Tags.Agency),
                completion.GetTagItem(Telemetry.Tags.Via), completion.GetTagItem(Telemetry.Tags.Outcome)));
        // Each request a span, under which the completion's span ran; the page's token is not in it, its agency is.
        var post = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.GetTagItem("http.request.method") as string == "POST");
        Assert.Equal(post.TraceId, completion.TraceId);
        Assert.Equal(("/api/a/{token}/tasks/{task}/complete", "so-noi-vu"), (post.GetTagItem("url.path"), post.GetTagItem(Telemetry.Tags.Agency)));

        // People's names, notes and addresses, and the credentials in URLs (the link token, the admin key).
        string[] personal = ["Nguyễn Văn An", "Công văn số 45/SNV", "@example.org", token, WebScenario.AdminKey, "203.0.113.", "Mozilla"];
        foreach (var span in spans)
        {
            foreach (var (key, value) in span.TagObjects)
            {
                Assert.False(personal.Any(p => value?.ToString()?.Contains(p, StringComparison.Ordinal) == true), $"{span.OperationName} {key} = {value}");
            }
        }

        Assert.Equal(1, Sum(metrics, "tdkt.sweep.runs", (Telemetry.Tags.Outcome, "succeeded")));
        Assert.Equal(7, Sum(metrics, "tdkt.digests.created"));
        Assert.Equal(7, Sum(metrics, "tdkt.digests.sent", (Telemetry.Tags.Channel, "Smtp")));
        Assert.Equal(0, Sum(metrics, "tdkt.digests.failed"));
        Assert.Equal(1, Sum(metrics, "tdkt.completions", (Telemetry.Tags.Via, "link"), (Telemetry.Tags.Outcome, "recorded")));
        Assert.Equal(1, Sum(metrics, "tdkt.links.refused", (Telemetry.Tags.Reason, "forged")));
        Assert.True(Sum(metrics, "tdkt.sweep.rows_read") > 0);
        Assert.Equal(7, metrics.Where(m => m.Name == "tdkt.digest.send.duration").SelectMany(m => m.MetricPoints).Sum(p => p.GetHistogramCount()));
        Assert.Contains(metrics, m => m.Name == "tdkt.digests.pending" && m.MetricPoints.Any(p => p.GetGaugeLastValueLong() == 0));
        foreach (var point in metrics.SelectMany(m => m.MetricPoints))
        {
            foreach (var tag in point.Tags)
            {
                Assert.False(personal.Any(p => tag.Value?.ToString()?.Contains(p, StringComparison.Ordinal) == true), $"{tag.Key} = {tag.Value}");
            }
        }
    }

    /// <summary>A counter's total over the exported points whose attributes include every one of <paramref name="tags"/>.</summary>
    private static long Sum(List<MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints)
            .Where(p => tags.All(t => Has(p, t.Key, t.Value)))
            .Sum(p => p.GetSumLong());

    private static bool Has(MetricPoint point, string key, string value)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key && tag.Value?.ToString() == value)
            {
                return true;
            }
        }
        return false;
    }
}
