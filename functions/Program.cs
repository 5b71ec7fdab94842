using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tdkt;
using Tdkt.Functions.Http;
using Tdkt.Web;
using Tdkt.Web.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<StorageOutageMiddleware>();
// Inside the outage answer, so a storage outage while checking a console session is a 503 too.
builder.UseMiddleware<ConsoleAccessMiddleware>();
builder.Services.AddTdkt(builder.Configuration).AddTdktWeb(builder.Configuration);
// Traces, metrics and logs with the host's (host.json telemetryMode: OpenTelemetry), exported where configured.
builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults().AddTdktTelemetry(builder.Configuration, "tdkt-functions");
builder.Build().Run();
