using Tdkt.AgencyPage;
using Tdkt.Clock;
using Tdkt.Pages;

namespace Tdkt.Administration;

[PageModel]
public sealed record AuditView(string At, string By, string Action, string Subject);

/// <summary>Everything a console page shows; each page fills its own part. <see cref="Csrf"/> goes in every form.</summary>
[PageModel]
public sealed record ConsolePageView(string Title, string Section)
{
    public string? User { get; init; }
    public string? RoleLabel { get; init; }
    public bool CanChange { get; init; }
    public string Csrf { get; init; } = "";
    public MessageView? Message { get; init; }
    public bool HasOngoing { get; init; }

    /// <summary>Sign-in: the address a valid link signs in, and whether the button is offered.</summary>
    public string? SignInEmail { get; init; }
    public bool SignInReady { get; init; }

    public DashboardView? Dashboard { get; init; }
    public IReadOnlyList<AdminUser> Users { get; init; } = [];
    public IReadOnlyList<AuditView> Audit { get; init; } = [];
    public PlanDetailView? PlanDetail { get; init; }
    public MailPageView? MailPage { get; init; }
    public AgenciesPageView? AgenciesPage { get; init; }
    public ImportPreviewView? Import { get; init; }
    public AgencyEditView? AgencyEdit { get; init; }
    public DirectoryImportView? DirectoryImport { get; init; }
    public CalendarPageView? CalendarPage { get; init; }
}

/// <summary>The console's pages (server-rendered, Vietnamese, no scripts): sign-in, Tổng quan (dashboard), Người dùng.</summary>
public sealed class ConsolePages(PageTemplates templates, ConsoleDashboard dashboard, AdminUsers users, ConsoleSessions sessions)
{
    public const string Template = "console.html.liquid";

    public string SignIn(SignInCheck? check, string? email, MessageView? message = null) => templates.Render(Template, new ConsolePageView("Đăng nhập trang quản trị", "signin")
    {
        SignInEmail = check == SignInCheck.Valid ? email : null,
        SignInReady = check == SignInCheck.Valid,
        Message = message ?? check switch
        {
            SignInCheck.Valid => new MessageView("info", $"Đường dẫn đăng nhập cho {email}. Bấm “Đăng nhập” để vào trang quản trị (phiên làm việc kéo dài 8 giờ)."),
            SignInCheck.Expired => new MessageView("warn", "Đường dẫn đăng nhập đã hết hạn (chỉ dùng được trong 15 phút). Nhập địa chỉ thư bên dưới để nhận đường dẫn mới."),
            SignInCheck.Used => new MessageView("warn", "Đường dẫn đăng nhập này đã được dùng (mỗi đường dẫn chỉ dùng một lần). Nhập địa chỉ thư bên dưới để nhận đường dẫn mới."),
            SignInCheck.NotListed => new MessageView("warn", "Địa chỉ thư của đường dẫn này không còn trong danh sách người dùng trang quản trị. Đề nghị liên hệ quản trị viên."),
            SignInCheck.Unknown => new MessageView("warn", "Đường dẫn đăng nhập không đúng (có thể bị cắt khi sao chép). Nhập địa chỉ thư bên dưới để nhận đường dẫn mới."),
            _ => null,
        },
    });

    public async Task<string> DashboardAsync(ConsoleUser user, MessageView? message, CancellationToken cancellationToken)
    {
        var view = await dashboard.BuildAsync(cancellationToken);
        return templates.Render(Template, Signed(new ConsolePageView("Tổng quan", "dashboard") { Dashboard = view, HasOngoing = view.HasOngoing, Message = message }, user));
    }

    public async Task<string> UsersAsync(ConsoleUser user, MessageView? message, CancellationToken cancellationToken)
    {
        var audit = await users.AuditTrailAsync(30, cancellationToken);
        return templates.Render(Template, Signed(new ConsolePageView("Người dùng", "users")
        {
            Users = [.. (await users.ListAsync(cancellationToken)).OrderBy(u => u.Role).ThenBy(u => u.Email, StringComparer.Ordinal)],
            Audit = [.. audit.Select(a => new AuditView(VietnamTime.Moment(a.At), a.By, ActionLabel(a.Action), a.Detail.Length > 0 ? $"{a.Subject} ({a.Detail})" : a.Subject))],
            Message = message,
        }, user));
    }

    /// <summary>Kế hoạch: one plan's assignments (see <see cref="ConsolePlanPage"/>), with a message after a change.</summary>
    public string Plan(ConsoleUser user, PlanDetailView plan, MessageView? message) =>
        templates.Render(Template, Signed(new ConsolePageView("Kế hoạch", "plan") { PlanDetail = plan, Message = message }, user));

    /// <summary>Thư: the outbox by status (see <see cref="ConsoleMailPage"/>).</summary>
    public string Mail(ConsoleUser user, MailPageView mail, MessageView? message) =>
        templates.Render(Template, Signed(new ConsolePageView("Thư", "mail") { MailPage = mail, Message = message }, user));

    /// <summary>Cơ quan: the directory (see <see cref="ConsoleAgenciesPage"/>).</summary>
    public string Agencies(ConsoleUser user, AgenciesPageView agencies, MessageView? message) =>
        templates.Render(Template, Signed(new ConsolePageView("Cơ quan", "agencies") { AgenciesPage = agencies, Message = message }, user));

    /// <summary>Cơ quan: the form for one agency, new or stored (see <see cref="ConsoleAgencyEditing"/>).</summary>
    public string AgencyEdit(ConsoleUser user, AgencyEditView edit, MessageView? message) =>
        templates.Render(Template, Signed(new ConsolePageView(edit.IsNew ? "Thêm cơ quan" : $"Sửa cơ quan: {edit.Form.Name}", "agency-edit")
        {
            AgencyEdit = edit,
            Message = message,
        }, user));

    /// <summary>Cơ quan: a directory file checked against the stored directory, before it is saved.</summary>
    public string DirectoryImport(ConsoleUser user, DirectoryImportView preview, MessageView? message) =>
        templates.Render(Template, Signed(new ConsolePageView("Nhập danh bạ cơ quan", "directory-import") { DirectoryImport = preview, Message = message }, user));

    /// <summary>Nhập kế hoạch: the upload form, or the preview of an upload (see <see cref="ConsoleImportPage"/>).</summary>
    public string Import(ConsoleUser user, ImportPreviewView? preview) =>
        templates.Render(Template, Signed(new ConsolePageView("Nhập kế hoạch", "import") { Import = preview }, user));

    /// <summary>Lịch: a year's working calendar (see <see cref="ConsoleCalendarPage"/>).</summary>
    public string Calendar(ConsoleUser user, CalendarPageView calendar, MessageView? message) =>
        templates.Render(Template, Signed(new ConsolePageView("Lịch làm việc", "calendar") { CalendarPage = calendar, Message = message }, user));

    /// <summary>A refusal inside the console (a viewer's change, a stale form), with the person still signed in.</summary>
    public string Refused(ConsoleUser user, string text) =>
        templates.Render(Template, Signed(new ConsolePageView("Không thực hiện được", "refused") { Message = new MessageView("warn", text) }, user));

    private ConsolePageView Signed(ConsolePageView view, ConsoleUser user) => view with
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
