using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Clock;
using Tdkt.Completion;
using Tdkt.Links;
using Tdkt.Plans;
using Tdkt.SelfHost;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans;

namespace Tdkt.Tests.Completion;

/// <summary>
/// The function app's HTTP routes on the local host (Kestrel, real HTTP) over a fresh set of tables on the test
/// Azurite, with the sample directory and the 2023 plan active, and a fake clock at 08:00 on 24/03/2023.
/// </summary>
public sealed partial class WebScenario : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key";
    public static readonly string SigningKeys = "k2=" + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private WebScenario(SelfHostedWeb host, HttpClient http, FakeClock clock)
    {
        Host = host;
        Http = http;
        Clock = clock;
    }

    public SelfHostedWeb Host { get; }

    /// <summary>A client that does not follow redirects, so tests see the 303s.</summary>
    public HttpClient Http { get; }

    public FakeClock Clock { get; }

    public Plan Plan { get; } = Samples.Plan();

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public static async Task<WebScenario> StartAsync(LocalServices services, IDictionary<string, string?>? settings = null, bool activate = true, bool withPlan = true,
        bool withDirectory = true, Action<IServiceCollection>? replace = null)
    {
        var port = FreePort.Next();
        var all = new Dictionary<string, string?>
        {
            ["Tdkt:Storage:ConnectionString"] = services.Azurite.ConnectionString,
            ["Tdkt:Storage:Prefix"] = TestHost.UniquePrefix(),
            ["Tdkt:Links:BaseUrl"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["Tdkt:Links:SigningKeys"] = SigningKeys,
            ["Tdkt:Mail:DispatchQueue"] = "t" + Guid.NewGuid().ToString("N")[..12],
            // The test client plays the platform's front end: its X-Forwarded-For is believed (a test sets "" to see it ignored).
            ["Tdkt:Web:TrustedProxies"] = "127.0.0.1, ::1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var clock = new FakeClock(Instant.FromUtc(2023, 3, 24, 1, 0));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var host = await SelfHostedWeb.StartAsync(configuration, port, AdminKey, s =>
        {
            s.AddSingleton<IClock>(clock);
            replace?.Invoke(s);
        }, cancellationToken: TestContext.Current.CancellationToken);
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Address };
        var scenario = new WebScenario(host, http, clock);
        var ct = TestContext.Current.CancellationToken;
        if (withDirectory)
        {
            await scenario.Get<AgencyStore>().SaveAsync(Samples.Directory(), ct);
        }
        if (!withPlan)
        {
            return scenario;
        }
        await scenario.Get<PlanStore>().SaveAsync(scenario.Plan, ct);
        if (activate)
        {
            await scenario.Get<PlanStore>().SetStatusAsync(scenario.Plan.Id, PlanStatus.Active, ct);
        }
        return scenario;
    }

    /// <summary>Posts a plan file to <c>POST /api/plans</c> with the admin key, as an administrator's upload.</summary>
    public async Task<HttpResponseMessage> PostPlanAsync(byte[] body, string contentType, string? file = null, string? query = null)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var name = file is null ? "" : $"file={Uri.EscapeDataString(file)}&";
        var more = query is null ? "" : query + "&";
        return await Http.PostAsync($"api/plans?{name}{more}code={AdminKey}", content, TestContext.Current.CancellationToken);
    }

    /// <summary>The page path of an agency's link as a digest sent today carries it.</summary>
    public string PagePath(string agency)
    {
        var link = Get<AgencyLinks>().LinkFor(agency, new VietnamClock(Clock).Today)!;
        return new Uri(link).AbsolutePath.TrimStart('/');
    }

    public static string TokenOf(string pagePath) => pagePath[(pagePath.LastIndexOf('/') + 1)..];

    public TaskRef Task(string number) => new(Plan.Id, Plan.Tasks.Single(t => t.Number == number).Key);

    public async Task<string> PageAsync(string pagePath)
    {
        var response = await Http.GetAsync(pagePath, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The anti-forgery value of the page's forms.</summary>
    public static string ProofIn(string html) => ProofPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("The page has no form.");

    /// <summary>Posts the completion form of a task as a browser would after loading the page.</summary>
    public async Task<HttpResponseMessage> PostAsync(string pagePath, TaskRef task, string action = "complete", string? proof = null,
        string? name = "Nguyễn Văn An", string? note = null, string? forwardedFor = null)
    {
        proof ??= ProofIn(await PageAsync(pagePath));
        var fields = new Dictionary<string, string> { ["proof"] = proof };
        if (name is not null)
        {
            fields["name"] = name;
        }
        if (note is not null)
        {
            fields["note"] = note;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{pagePath}/tasks/{task}/{action}") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.UserAgent.ParseAdd("TdktTests/1.0");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Posts a page form as multipart/form-data with files (name, content, the type the browser claims), as a browser does.</summary>
    public async Task<HttpResponseMessage> PostFilesAsync(string pagePath, TaskRef task, string action, IEnumerable<(string Name, byte[] Content, string Type)> files,
        string? name = "Nguyễn Văn An", string? proof = null)
    {
        proof ??= ProofIn(await PageAsync(pagePath));
        using var form = new MultipartFormDataContent { { new StringContent(proof), "proof" } };
        if (name is not null)
        {
            form.Add(new StringContent(name), "name");
        }
        foreach (var (file, content, type) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            form.Add(part, "files", file);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{pagePath}/tasks/{task}/{action}") { Content = form };
        request.Headers.UserAgent.ParseAdd("TdktTests/1.0");
        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<AssignmentRecord?> AssignmentAsync(TaskRef task, string agency) =>
        Get<CompletionStore>().GetAsync(task.Plan.Value, task.AssignmentKey(agency), TestContext.Current.CancellationToken);

    /// <summary>Every assignment of the plan with its completion, to compare before and after.</summary>
    public async Task<IReadOnlyList<AssignmentRecord>> AllAssignmentsAsync()
    {
        var store = Get<CompletionStore>();
        var all = new List<AssignmentRecord>();
        foreach (var task in Plan.Tasks)
        {
            all.AddRange(await store.OfTaskAsync(Plan.Id.Value, task.Key, TestContext.Current.CancellationToken));
        }
        return all;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }

    [GeneratedRegex("name=\"proof\" value=\"([^\"]+)\"")]
    private static partial Regex ProofPattern();
}
