using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Tdkt;
using Tdkt.Functions.Http;
using Tdkt.Web;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<StorageOutageMiddleware>();
builder.Services.AddTdkt(builder.Configuration).AddTdktWeb();
builder.Build().Run();
