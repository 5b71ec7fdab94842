using System.Net;
using System.Text.RegularExpressions;
using Tdkt.Tests.Completion;

namespace Tdkt.Tests.AdminConsole;

/// <summary>A person at the console over real HTTP: keeps the session cookie it was given (by hand, to see every header), follows nothing by itself.</summary>
public sealed partial class ConsoleBrowser(WebScenario web) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = web.Host.Address };

    public string? Cookie { get; set; }

    public string? Principal { get; set; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = Request(HttpMethod.Get, path);
        return await http.SendAsync(request, Ct);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] fields)
    {
        using var request = Request(HttpMethod.Post, path);
        request.Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var response = await http.SendAsync(request, Ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.FirstOrDefault(c => c.StartsWith("tdkt_console=", StringComparison.Ordinal)) is { } set)
        {
            var value = set.Split(';')[0]["tdkt_console=".Length..];
            Cookie = value.Length == 0 ? null : value;
        }
        return response;
    }

    public async Task<HttpResponseMessage> PostMultipartAsync(string path, MultipartFormDataContent content)
    {
        using var request = Request(HttpMethod.Post, path);
        request.Content = content;
        return await http.SendAsync(request, Ct);
    }

    /// <summary>Opens a page and returns its HTML, failing on anything but 200.</summary>
    public async Task<string> PageAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>Opens a one-time link's page and presses "Đăng nhập".</summary>
    public async Task<HttpResponseMessage> SignInAsync(string link)
    {
        var path = new Uri(link).PathAndQuery;
        Assert.Contains("Đăng nhập</button>", await PageAsync(path), StringComparison.Ordinal);
        return await PostAsync(path);
    }

    /// <summary>Makes a one-time link for <paramref name="email"/> (as <c>tdkt admin link</c> does) and signs in with it.</summary>
    public async Task SignInAsAsync(string email)
    {
        var token = await web.Get<Tdkt.Administration.SignInLinks>().CreateAsync(email, Ct) ?? throw new InvalidOperationException($"{email} is not a console user");
        using var response = await SignInAsync(Tdkt.Administration.SignInLinks.Url(web.Host.Address.ToString(), token)!);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    public static string CsrfIn(string html) => Csrf().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no csrf field");

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        if (Cookie is not null)
        {
            request.Headers.Add("Cookie", "tdkt_console=" + Cookie);
        }
        if (Principal is not null)
        {
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", Principal);
        }
        return request;
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"csrf\" value=\"([^\"]+)\"")]
    private static partial Regex Csrf();
}
