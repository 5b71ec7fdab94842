using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tdkt.Diagnostics;

/// <summary>
/// The product's own traces and metrics (System.Diagnostics: the hosts export them with OpenTelemetry). Attributes
/// carry identifiers only (plan, agency, task, digest key, channel, outcome): never a person's name, a note, an
/// address or a network address.
/// </summary>
public static class Telemetry
{
    public const string Name = "Tdkt";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Attribute names.</summary>
    public static class Tags
    {
        public const string Plan = "tdkt.plan";
        public const string Agency = "tdkt.agency";
        public const string Task = "tdkt.task";
        public const string Digest = "tdkt.digest.key";
        public const string DigestKind = "tdkt.digest.kind";
        public const string Channel = "tdkt.mail.channel";
        public const string Date = "tdkt.date";
        public const string Trigger = "tdkt.trigger";
        public const string Outcome = "tdkt.outcome";
        public const string Via = "tdkt.via";
        public const string Reason = "tdkt.reason";
        public const string Route = "tdkt.route";
    }

    public static readonly Counter<long> DigestsCreated = Meter.CreateCounter<long>("tdkt.digests.created", "{digest}", "Digests the sweep put in the outbox.");
    public static readonly Counter<long> DigestsSent = Meter.CreateCounter<long>("tdkt.digests.sent", "{digest}", "Digests the mail channel accepted.");
    public static readonly Counter<long> DigestsFailed = Meter.CreateCounter<long>("tdkt.digests.failed", "{digest}", "Digests given up (permanent error or last attempt).");
    public static readonly Counter<long> DigestsRetried = Meter.CreateCounter<long>("tdkt.digests.retried", "{digest}", "Sends that failed and wait for a retry.");
    public static readonly Histogram<double> SendDuration = Meter.CreateHistogram<double>("tdkt.digest.send.duration", "s", "Composing and sending one digest.");
    public static readonly Histogram<double> SweepDuration = Meter.CreateHistogram<double>("tdkt.sweep.duration", "s", "One daily sweep.");
    public static readonly Counter<long> SweepRowsRead = Meter.CreateCounter<long>("tdkt.sweep.rows_read", "{row}", "Stored rows a sweep read.");

    /// <summary>The heartbeat: one per sweep that ran to the end (<see cref="Tags.Outcome"/> succeeded or failed), also on days off.</summary>
    public static readonly Counter<long> SweepRuns = Meter.CreateCounter<long>("tdkt.sweep.runs", "{run}", "Sweeps run, by outcome: the heartbeat the alerts watch.");

    public static readonly Counter<long> Completions = Meter.CreateCounter<long>("tdkt.completions", "{completion}", "Completions and undos, by how and with what outcome.");
    public static readonly Counter<long> BadLinks = Meter.CreateCounter<long>("tdkt.links.refused", "{request}", "Agency links refused (bad, expired, revoked, slowed down).");
    public static readonly Counter<long> StorageFailures = Meter.CreateCounter<long>("tdkt.storage.failures", "{failure}", "Requests answered 503 because storage failed.");

    private static long pending;
    private static double oldestPendingSeconds;

    /// <summary>What the last dispatch pass left waiting: their number and the age of the oldest (real time).</summary>
    public static void ReportPending(int count, TimeSpan oldest)
    {
        Interlocked.Exchange(ref pending, count);
        Interlocked.Exchange(ref oldestPendingSeconds, oldest.TotalSeconds);
    }

    static Telemetry()
    {
        Meter.CreateObservableGauge("tdkt.digests.pending", () => Interlocked.Read(ref pending), "{digest}", "Digests waiting after the last dispatch pass.");
        Meter.CreateObservableGauge("tdkt.digests.oldest_pending_age", () => Interlocked.CompareExchange(ref oldestPendingSeconds, 0, 0), "s",
            "Age of the oldest digest still waiting after the last dispatch pass.");
    }
}
