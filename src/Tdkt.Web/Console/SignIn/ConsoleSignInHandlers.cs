using Microsoft.AspNetCore.Http;
using Tdkt.Administration;
using Tdkt.Web.AgencyPage;
using Tdkt.Web.Http;

namespace Tdkt.Web.Console.SignIn;

/// <summary>Signing in and out: the sign-in page and its request for a link, the link's page and its button, sign-out.</summary>
public sealed class ConsoleSignInHandlers(ConsoleGate gate, ConsolePages pages, ConsoleSessions sessions, SignInLinks links, AdminUsers users, SignInMail mail)
{
    /// <summary>The sign-in page: the form that asks for a link (a signed-in person goes straight to the dashboard).</summary>
    public async Task<IResult> SignInPageAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (await gate.UserAsync(request, cancellationToken) is not null)
        {
            return HtmlPages.SeeOther("/console");
        }
        return HtmlPages.Html(StatusCodes.Status200OK, pages.SignIn(null, null, request.Query["m"].FirstOrDefault() switch
        {
            "sent" => new MessageView("ok", "Nếu địa chỉ này có trong danh sách người dùng, đường dẫn đăng nhập đã được gửi tới đó (dùng một lần, trong 15 phút). Đề nghị kiểm tra hộp thư."),
            "out" => new MessageView("ok", "Đã đăng xuất."),
            _ => null,
        }));
    }

    /// <summary>Mails a sign-in link to a listed user; the answer is the same whether the address is listed or not.</summary>
    public async Task<IResult> RequestLinkAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ConsoleGate.IsCrossSite(request))
        {
            return CrossSite();
        }
        if (await ConsoleGate.ReadFormAsync(request, cancellationToken) is not { } form)
        {
            return HtmlPages.Html(StatusCodes.Status400BadRequest, pages.SignIn(null, null, new MessageView("warn", "Biểu mẫu gửi lên không đúng dạng. Tải lại trang rồi làm lại.")));
        }
        if (AdminEmail.Normalize(form["email"].FirstOrDefault()) is not { } email)
        {
            return HtmlPages.Html(StatusCodes.Status422UnprocessableEntity, pages.SignIn(null, null,
                new MessageView("warn", $"“{form["email"]}” không phải địa chỉ thư hợp lệ, ví dụ vanthu@example.org.")));
        }
        // Not awaited: the answer must not tell a listed address from another by its time or by the mail server's reply.
        mail.Queue(email);
        return HtmlPages.SeeOther("/console/signin?m=sent");
    }

    /// <summary>The page a sign-in link opens: it says whom the link signs in and offers the button; it uses nothing (mail scanners open links too).</summary>
    public async Task<IResult> SignInLinkAsync(string token, CancellationToken cancellationToken)
    {
        var (check, email) = await links.PeekAsync(token, cancellationToken);
        return HtmlPages.Html(check == SignInCheck.Valid ? StatusCodes.Status200OK : Status(check), pages.SignIn(check, email));
    }

    /// <summary>The button: uses the link once and starts the session.</summary>
    public async Task<IResult> UseLinkAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Login CSRF: another site's page must not sign this browser in (to the other site's account), nor use up the link.
        if (ConsoleGate.IsCrossSite(request))
        {
            return CrossSite();
        }
        var (check, email) = await links.UseAsync(token, cancellationToken);
        if (check != SignInCheck.Valid)
        {
            return HtmlPages.Html(Status(check), pages.SignIn(check, email));
        }
        var (cookie, _) = await sessions.StartAsync(email!, cancellationToken);
        await users.AuditAsync(email!, AdminUsers.Actions.SignIn, email!, "đường dẫn một lần", cancellationToken);
        ConsoleGate.SetSession(request.HttpContext.Response, cookie);
        return HtmlPages.SeeOther("/console");
    }

    private IResult CrossSite() => HtmlPages.Html(StatusCodes.Status403Forbidden, pages.SignIn(null, null,
        new MessageView("warn", "Chưa đăng nhập: yêu cầu được gửi từ một trang khác. Mở trang đăng nhập của hệ thống (hoặc đường dẫn trong thư) rồi làm lại.")));

    public async Task<IResult> SignOutAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = ConsoleCaller.Of(request).User;
        if (gate.PlatformAuthentication)
        {
            return HtmlPages.SeeOther("/.auth/logout?post_logout_redirect_uri=/console");
        }
        await sessions.EndAsync(user, cancellationToken);
        await users.AuditAsync(user.Email, AdminUsers.Actions.SignOut, user.Email, "", cancellationToken);
        ConsoleGate.ClearSession(request.HttpContext.Response);
        return HtmlPages.SeeOther("/console/signin?m=out");
    }

    private static int Status(SignInCheck check) => check switch
    {
        SignInCheck.Expired or SignInCheck.Used => StatusCodes.Status410Gone,
        SignInCheck.NotListed => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status404NotFound,
    };
}
