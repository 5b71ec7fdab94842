using Microsoft.AspNetCore.Http;
using Tdkt.Web.AgencyPage;
using Tdkt.Web.Http;

namespace Tdkt.Web.Console;

/// <summary>
/// Who is using the console, and the refusals every console route shares. On Azure with the platform's authentication
/// on, the person is the one the platform signed in (its <c>X-MS-CLIENT-PRINCIPAL-NAME</c> header, trusted only then);
/// otherwise the signed session cookie. A page without a session goes to the sign-in page; a POST needs an
/// administrator and the session's anti-forgery token.
/// </summary>
public sealed class ConsoleGate(ConsoleSessions sessions, ConsolePages pages, PlatformSignIn platform)
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    private const string SignOutPath = "/console/signout";
    /// <summary>The console's forms carry a few fields; an upload's route says its own limit.</summary>
    public const long MaxFormBytes = 16 * 1024;

    public bool PlatformAuthentication => platform.Enabled;

    public async Task<ConsoleUser?> UserAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PlatformAuthentication
            ? await sessions.PlatformUserAsync(request.Headers[PrincipalHeader].FirstOrDefault(), cancellationToken)
            : await sessions.ReadAsync(request.Cookies[ConsoleSessions.CookieName], cancellationToken);
    }

    /// <summary>
    /// The one access check of a console route, before its handler: someone signed in (else the sign-in page); for a
    /// POST, a well-formed form of at most <paramref name="maxFormBytes"/> carrying this session's anti-forgery token; for
    /// a change (<paramref name="change"/>), an administrator. Admitted, the caller is on the request for the handler
    /// (<see cref="ConsoleCaller.Of"/>); refused, the answer.
    /// </summary>
    public async Task<IResult?> AdmitAsync(HttpContext context, bool change, long maxFormBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (await UserAsync(request, cancellationToken) is not { } user)
        {
            return NotSignedIn(request);
        }
        IFormCollection? form = null;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            if (await ReadFormAsync(request, maxFormBytes, cancellationToken) is not { } posted)
            {
                return request.ContentLength > maxFormBytes
                    ? HtmlPages.Html(StatusCodes.Status413PayloadTooLarge, pages.Refused(user, $"Chưa thực hiện: nội dung gửi lên lớn hơn {maxFormBytes / 1024 / 1024} MB cho phép."))
                    : HtmlPages.Html(StatusCodes.Status400BadRequest, pages.Refused(user, "Biểu mẫu gửi lên không đúng dạng. Tải lại trang rồi làm lại."));
            }
            if (!sessions.CheckFormToken(user, posted["csrf"].FirstOrDefault()))
            {
                return HtmlPages.Html(StatusCodes.Status403Forbidden,
                    pages.Refused(user, "Chưa thực hiện: biểu mẫu không mang mã xác thực của phiên làm việc này (có thể trang đã cũ hoặc được gửi từ nơi khác). Tải lại trang rồi làm lại."));
            }
            form = posted;
        }
        if (change && !user.CanChange)
        {
            return HtmlPages.Html(StatusCodes.Status403Forbidden,
                pages.Refused(user, $"Tài khoản {user.Email} chỉ có quyền xem: không thay đổi được gì. Đề nghị liên hệ quản trị viên nếu cần."));
        }
        new ConsoleCaller(user, form).Admit(context);
        return null;
    }

    /// <summary>
    /// Whether a POST comes from another site's page: the browser says so (<c>Sec-Fetch-Site</c> other than same-origin or
    /// none), or, from a browser that does not send that, its <c>Origin</c> names another host (or "null"). Requests without either (scripts, old browsers) pass:
    /// a sign-in still needs the mailed link or the listed address.
    /// </summary>
    public static bool IsCrossSite(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            // Every current browser sends it, and it does not depend on the host name a proxy in front may rewrite.
            return site is not ("same-origin" or "none");
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }
        return !Uri.TryCreate(origin, UriKind.Absolute, out var from)
            || !string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Back to <paramref name="path"/> after a change, with what happened, sealed for this session.</summary>
    public IResult Back(ConsoleUser user, string path, string text, bool warn = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        var kind = warn ? "warn" : "ok";
        // A fragment ("#ag-so-noi-vu": back to the row) stays last, after the message.
        var hash = path.IndexOf('#', StringComparison.Ordinal);
        var (target, fragment) = hash < 0 ? (path, "") : (path[..hash], path[hash..]);
        // A fragment may carry a form's value ("#ag-{agency}"): only an anchor's characters reach the Location header.
        fragment = fragment.Length == 0 ? "" : "#" + new string([.. fragment[1..].Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')]);
        var separator = target.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return HtmlPages.SeeOther($"{target}{separator}m={Uri.EscapeDataString(text)}&k={kind}&s={Uri.EscapeDataString(sessions.SealNotice(user, kind, text))}{fragment}");
    }

    /// <summary>A form field that carries a file as base64 (a preview's content, posted again to save it); null when it does not decode.</summary>
    public static byte[]? Base64(IFormCollection form, string name)
    {
        ArgumentNullException.ThrowIfNull(form);
        try
        {
            return Convert.FromBase64String(form[name].FirstOrDefault() ?? "");
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The message a change sent back, when its seal is this session's; null for none, or for a text put in a crafted link.</summary>
    public MessageView? NoticeFrom(HttpRequest request, ConsoleUser user)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Query["m"].FirstOrDefault();
        var kind = request.Query["k"].FirstOrDefault() == "warn" ? "warn" : "ok";
        return text is { Length: > 0 and <= 1000 } && sessions.CheckNotice(user, kind, text, request.Query["s"].FirstOrDefault())
            ? new MessageView(kind, text)
            : null;
    }

    /// <summary>A small urlencoded form (the console's forms carry a few fields), or null.</summary>
    public static Task<IFormCollection?> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken) => ReadFormAsync(request, MaxFormBytes, cancellationToken);

    public static async Task<IFormCollection?> ReadFormAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType || request.ContentLength is not { } length || length > maxBytes)
        {
            return null;
        }
        try
        {
            if (maxBytes > MaxFormBytes)
            {
                // A field as large as the form (a plan's content carried from the preview to the save).
                request.HttpContext.Features.Set<Microsoft.AspNetCore.Http.Features.IFormFeature>(new Microsoft.AspNetCore.Http.Features.FormFeature(request,
                    new Microsoft.AspNetCore.Http.Features.FormOptions { ValueLengthLimit = (int)maxBytes, MultipartBodyLengthLimit = maxBytes }));
            }
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private IResult NotSignedIn(HttpRequest request)
    {
        if (PlatformAuthentication)
        {
            return request.Headers[PrincipalHeader].Count > 0
                ? HtmlPages.Html(StatusCodes.Status403Forbidden, pages.SignIn(null, null, new MessageView("warn",
                    $"Tài khoản {request.Headers[PrincipalHeader]} chưa có trong danh sách người dùng trang quản trị. Đề nghị liên hệ quản trị viên.")))
                : HtmlPages.SeeOther("/.auth/login/aad?post_login_redirect_uri=/console");
        }
        if (request.Path.Equals(SignOutPath, StringComparison.OrdinalIgnoreCase))
        {
            // Signing out of a session that has already ended: done, and the dead cookie goes too.
            ClearSession(request.HttpContext.Response);
            return HtmlPages.SeeOther("/console/signin");
        }
        return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            ? HtmlPages.SeeOther("/console/signin")
            : HtmlPages.Html(StatusCodes.Status401Unauthorized, pages.SignIn(null, null,
                new MessageView("warn", "Chưa thực hiện: phiên đăng nhập đã hết hoặc chưa đăng nhập. Đăng nhập lại rồi làm lại.")));
    }

    /// <summary>The session cookie: HttpOnly, SameSite=Lax (the sign-in link comes from a mail), Secure on https, for the console only.</summary>
    /// <remarks>Max-Age, not Expires: the browser's clock and the business clock (<c>tdkt up --as-of</c>) need not agree; the server checks the end itself.</remarks>
    public static void SetSession(HttpResponse response, string value)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(ConsoleSessions.CookieName, value, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = response.HttpContext.Request.IsHttps, Path = "/console",
            MaxAge = ConsoleSessions.Lifetime.ToTimeSpan(), IsEssential = true,
        });
    }

    public static void ClearSession(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(ConsoleSessions.CookieName, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = response.HttpContext.Request.IsHttps, Path = "/console" });
    }
}
