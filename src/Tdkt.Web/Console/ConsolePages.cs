using Tdkt.Administration;
using Tdkt.Clock;
using Tdkt.Web.AgencyPage;
using Tdkt.Web.Console.Agencies;
using Tdkt.Web.Console.Calendar;
using Tdkt.Web.Console.Dashboard;
using Tdkt.Web.Console.Import;
using Tdkt.Web.Console.Mail;
using Tdkt.Web.Console.Plans;
using Tdkt.Web.Pages;

namespace Tdkt.Web.Console;

/// <summary>
/// The console's pages (server-rendered, Vietnamese, no scripts): each page's own template (in its folder under Console/)
/// reads the frame and its own view under one name; the layout puts the result inside the menu, the title and the message.
/// </summary>
public sealed class ConsolePages(WebTemplates templates, ConsoleDashboard dashboard, AdminUsers users, ConsoleSessions sessions)
{
    private const string Layout = "layout.html.liquid";

    public string SignIn(SignInCheck? check, string? email, MessageView? message = null) => Render(new ConsoleFrame("Đăng nhập trang quản trị", "signin")
    {
        Message = message ?? check switch
        {
            SignInCheck.Valid => new MessageView("info", $"Đường dẫn đăng nhập cho {email}. Bấm “Đăng nhập” để vào trang quản trị (phiên làm việc kéo dài 8 giờ)."),
            SignInCheck.Expired => new MessageView("warn", "Đường dẫn đăng nhập đã hết hạn (chỉ dùng được trong 15 phút). Nhập địa chỉ thư bên dưới để nhận đường dẫn mới."),
            SignInCheck.Used => new MessageView("warn", "Đường dẫn đăng nhập này đã được dùng (mỗi đường dẫn chỉ dùng một lần). Nhập địa chỉ thư bên dưới để nhận đường dẫn mới."),
            SignInCheck.NotListed => new MessageView("warn", "Địa chỉ thư của đường dẫn này không còn trong danh sách người dùng trang quản trị. Đề nghị liên hệ quản trị viên."),
            SignInCheck.Unknown => new MessageView("warn", "Đường dẫn đăng nhập không đúng (có thể bị cắt khi sao chép). Nhập địa chỉ thư bên dưới để nhận đường dẫn mới."),
            _ => null,
        },
    }, ("SignInReady", check == SignInCheck.Valid));

    public async Task<string> DashboardAsync(ConsoleUser user, MessageView? message, CancellationToken cancellationToken)
    {
        var view = await dashboard.BuildAsync(cancellationToken);
        return Render(Signed(new ConsoleFrame("Tổng quan", "dashboard") { Message = message }, user), ("Dashboard", view));
    }

    public async Task<string> UsersAsync(ConsoleUser user, MessageView? message, CancellationToken cancellationToken)
    {
        var audit = await users.AuditTrailAsync(30, cancellationToken);
        var listed = (await users.ListAsync(cancellationToken)).OrderBy(u => u.Role).ThenBy(u => u.Email, StringComparer.Ordinal).ToList();
        return Render(Signed(new ConsoleFrame("Người dùng", "users") { Message = message }, user),
            ("Users", listed),
            ("Audit", audit.Select(a => new AuditView(VietnamTime.Moment(a.At), a.By, ActionLabel(a.Action), a.Detail.Length > 0 ? $"{a.Subject} ({a.Detail})" : a.Subject)).ToList()));
    }

    /// <summary>Kế hoạch: one plan's assignments (see <see cref="ConsolePlanPage"/>), with a message after a change.</summary>
    public string Plan(ConsoleUser user, PlanDetailView plan, MessageView? message) =>
        Render(Signed(new ConsoleFrame("Kế hoạch", "plan") { Message = message }, user), ("PlanDetail", plan));

    /// <summary>Thư: the outbox by status (see <see cref="ConsoleMailPage"/>).</summary>
    public string Mail(ConsoleUser user, MailPageView mail, MessageView? message) =>
        Render(Signed(new ConsoleFrame("Thư", "mail") { Message = message }, user), ("MailPage", mail));

    /// <summary>Cơ quan: the directory (see <see cref="ConsoleAgenciesPage"/>).</summary>
    public string Agencies(ConsoleUser user, AgenciesPageView agencies, MessageView? message) =>
        Render(Signed(new ConsoleFrame("Cơ quan", "agencies") { Message = message }, user), ("AgenciesPage", agencies));

    /// <summary>Cơ quan: the form for one agency, new or stored (see <see cref="ConsoleAgencyEditing"/>).</summary>
    public string AgencyEdit(ConsoleUser user, AgencyEditView edit, MessageView? message) =>
        Render(Signed(new ConsoleFrame(edit.IsNew ? "Thêm cơ quan" : $"Sửa cơ quan: {edit.Form.Name}", "agency-edit") { Message = message }, user), ("AgencyEdit", edit));

    /// <summary>Cơ quan: a directory file checked against the stored directory, before it is saved.</summary>
    public string DirectoryImport(ConsoleUser user, DirectoryImportView preview, MessageView? message) =>
        Render(Signed(new ConsoleFrame("Nhập danh bạ cơ quan", "directory-import") { Message = message }, user), ("DirectoryImport", preview));

    /// <summary>Nhập kế hoạch: the upload form, or the preview of an upload (see <see cref="ConsoleImportPage"/>).</summary>
    public string Import(ConsoleUser user, ImportPreviewView? preview) =>
        Render(Signed(new ConsoleFrame("Nhập kế hoạch", "import"), user), ("Import", (object?)preview ?? false));

    /// <summary>Lịch: a year's working calendar (see <see cref="ConsoleCalendarPage"/>).</summary>
    public string Calendar(ConsoleUser user, CalendarPageView calendar, MessageView? message) =>
        Render(Signed(new ConsoleFrame("Lịch làm việc", "calendar") { Message = message }, user), ("CalendarPage", calendar));

    /// <summary>A refusal inside the console (a viewer's change, a stale form), with the person still signed in.</summary>
    public string Refused(ConsoleUser user, string text) =>
        Render(Signed(new ConsoleFrame("Không thực hiện được", "refused") { Message = new MessageView("warn", text) }, user));

    /// <summary>The page's own template (named after its section) over the frame and its view, inside the layout; a refusal is the layout alone.</summary>
    private string Render(ConsoleFrame frame, params (string Name, object? View)[] views)
    {
        var body = frame.Section == "refused" ? "" : templates.Render(frame.Section + ".html.liquid", frame, views.Select(v => KeyValuePair.Create(v.Name, v.View)));
        return templates.Render(Layout, frame, [KeyValuePair.Create<string, object?>("Body", body)]);
    }

    private ConsoleFrame Signed(ConsoleFrame view, ConsoleUser user) => view with
    {
        User = user.Email,
        RoleLabel = AdminRoles.Label(user.Role),
        CanChange = user.CanChange,
        Csrf = sessions.FormToken(user),
    };

    private static string ActionLabel(string action) => action switch
    {
        AdminUsers.Actions.Add => "thêm người dùng",
        AdminUsers.Actions.Change => "đổi vai trò",
        AdminUsers.Actions.Remove => "bớt người dùng",
        AdminUsers.Actions.SignIn => "đăng nhập",
        AdminUsers.Actions.SignOut => "đăng xuất",
        ConsoleImportPage.Actions.PlanImport => "nhập kế hoạch",
        ConsolePlanActions.Actions.Status => "đổi trạng thái kế hoạch",
        ConsolePlanActions.Actions.RollForward => "tạo dự thảo kế hoạch năm sau",
        ConsolePlanActions.Actions.Number => "ghi số hiệu kế hoạch",
        ConsoleAgencyEditing.Actions.Alias => "ghi tên khác của cơ quan",
        ConsoleAgencyEditing.Actions.Add => "thêm cơ quan",
        ConsoleAgencyEditing.Actions.Edit => "sửa cơ quan",
        ConsoleAgencyEditing.Actions.Import => "nhập danh bạ",
        ConsoleAgencyEditing.Actions.TestMail => "gửi thư thử",
        ConsoleAgencyEditing.Actions.Revoke => "thu hồi đường dẫn của cơ quan",
        ConsoleMailPage.Actions.Retry => "gửi lại thư",
        ConsoleMailPage.Actions.RetryDay => "gửi lại các thư không gửi được trong ngày",
        ConsoleCalendarPage.Actions.Set => "ghi lịch làm việc",
        ConsoleCalendarPage.Actions.Reset => "bỏ lịch đã ghi",
        _ => action,
    };
}
