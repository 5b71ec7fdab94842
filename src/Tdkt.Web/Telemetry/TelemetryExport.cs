using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Tdkt.Hosting;

namespace Tdkt.Web.Telemetry;

/// <summary>
/// Where the product's traces, metrics and logs go, the same in the function app and in <c>tdkt up</c>: always
/// collected (<see cref="Tdkt.Diagnostics.Telemetry"/>, logs correlated with the current trace); exported to Application
/// Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (by the app's managed identity when
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> names one), and to any OpenTelemetry collector over OTLP
/// (http/protobuf) when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class TelemetryExport
{
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ApplicationInsights = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string ApplicationInsightsAuthentication = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static IOpenTelemetryBuilder AddTdktTelemetry(this IOpenTelemetryBuilder otel, IConfiguration configuration, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(otel);
        ArgumentNullException.ThrowIfNull(configuration);
        // The scrubbers come first, so every exporter added after them (OTLP, Azure Monitor) sees only scrubbed records.
        otel.ConfigureResource(r => r.AddService(serviceName, serviceVersion: AppInfo.Current.PublicVersion))
            .WithTracing(t => t.AddSource(Tdkt.Diagnostics.Telemetry.Name).AddProcessor(new ScrubbingSpanProcessor()))
            .WithMetrics(m => m.AddMeter(Tdkt.Diagnostics.Telemetry.Name))
            .WithLogging(l => l.AddProcessor(new ScrubbingLogProcessor()));
        if (configuration[OtlpEndpoint] is { Length: > 0 } endpoint)
        {
            var root = new Uri(endpoint.TrimEnd('/') + "/", UriKind.Absolute);
            void Otlp(OtlpExporterOptions o, string path)
            {
                o.Protocol = OtlpExportProtocol.HttpProtobuf;
                o.Endpoint = new Uri(root, path);
            }
            otel.WithTracing(t => t.AddOtlpExporter(o => Otlp(o, "v1/traces")))
                .WithMetrics(m => m.AddOtlpExporter(o => Otlp(o, "v1/metrics")))
                .WithLogging(l => l.AddOtlpExporter(o => Otlp(o, "v1/logs")));
        }
        if (configuration[ApplicationInsights] is { Length: > 0 } connection)
        {
            otel.UseAzureMonitorExporter(o =>
            {
                o.ConnectionString = connection;
                if (ClientIdOf(configuration[ApplicationInsightsAuthentication]) is { } clientId)
                {
                    o.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        }
        return otel;
    }

    /// <summary>The client id in "ClientId=…;Authorization=AAD" (the platform's form), or null.</summary>
    public static string? ClientIdOf(string? authentication) =>
        authentication?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2 && p[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase) && p[1].Length > 0)
            .Select(p => p[1]).FirstOrDefault();
}
