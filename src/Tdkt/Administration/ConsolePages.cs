using Tdkt.Completion;
using Tdkt.Hosting;
using Tdkt.Pages;
using Tdkt.Plans;
using Tdkt.Reports;

namespace Tdkt.Administration;

/// <summary>A plan on the dashboard: its progress as charts (SVG drawn on the server) with the numbers beside them.</summary>
public sealed record DashboardPlanView(string Id, string Heading, string Status, string Done, IReadOnlyList<ReportTableView> Tables);

public sealed record AuditView(string At, string By, string Action, string Subject);

/// <summary>Everything a console page shows; each page fills its own part. <see cref="Csrf"/> goes in every form.</summary>
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

    public IReadOnlyList<DashboardPlanView> Plans { get; init; } = [];
    public IReadOnlyList<AdminUser> Users { get; init; } = [];
    public IReadOnlyList<AuditView> Audit { get; init; } = [];
    public PlanDetailView? PlanDetail { get; init; }
}

/// <summary>The console's pages (server-rendered, Vietnamese, no scripts): sign-in, Tổng quan (dashboard), Người dùng.</summary>
public sealed class ConsolePages(PageTemplates templates, PlanStore plans, PlanReports reports, AdminUsers users, ConsoleSessions sessions, VietnamClock clock)
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

    public async Task<string> DashboardAsync(ConsoleUser user, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var list = new List<DashboardPlanView>();
        var ongoing = false;
        foreach (var plan in (await plans.ListAsync(cancellationToken)).Where(p => p.Status != PlanStatus.Archived)
            .OrderBy(p => p.Status == PlanStatus.Active ? 0 : 1).ThenByDescending(p => p.Year).ThenBy(p => p.Number, StringComparer.Ordinal))
        {
            if (await reports.ComputeAsync(plan.Id, today, cancellationToken) is not { } report)
            {
                continue;
            }
            var categories = ReportFormats.CategoriesOf(report);
            ongoing |= report.HasOngoing;
            var byOverdue = report.ByAgency.OrderByDescending(l => l.Counts.OpenOverdue).ThenBy(l => l.AgencyName, StringComparer.Ordinal).ToList();
            var total = report.Total;
            list.Add(new DashboardPlanView(plan.Id.Value, $"Kế hoạch số {report.Number}: {report.Title}", plan.Status == PlanStatus.Active ? "Đang nhắc việc" : "Bản nháp (chưa nhắc việc)",
                $"Đã hoàn thành {total.Counts.DoneOnTime + total.Counts.DoneLate}/{total.Counts.Total} phần việc ({Percent(total.Counts.DonePercent)}), {total.Counts.OpenOverdue} quá hạn chưa hoàn thành.",
            [
                new("Toàn kế hoạch", [ReportFormats.Row(total, PlanReports.AllAgencies, isTotal: true)],
                    ProgressChart.Svg("Toàn kế hoạch", [(PlanReports.AllAgencies, total.Counts)], categories)),
                new("Theo cơ quan (nhiều việc quá hạn trước)", [.. byOverdue.Select(l => ReportFormats.Row(l, l.AgencyName))],
                    ProgressChart.Svg("Theo cơ quan", [.. byOverdue.Select(l => (l.AgencyName, l.Counts))], categories)),
                new("Theo quý", [.. report.ByQuarter.Select(l => ReportFormats.Row(l, Quarters.Heading(l.Quarter)))],
                    ProgressChart.Svg("Theo quý", [.. report.ByQuarter.Select(l => (Quarters.Heading(l.Quarter), l.Counts))], categories)),
            ]));
        }
        return templates.Render(Template, Signed(new ConsolePageView("Tổng quan", "dashboard") { Plans = list, HasOngoing = ongoing }, user));
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

    private static string Percent(decimal value) => value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',') + " %";

    private static string ActionLabel(string action) => action switch
    {
        AdminUsers.Actions.Add => "thêm người dùng",
        AdminUsers.Actions.Change => "đổi vai trò",
        AdminUsers.Actions.Remove => "bớt người dùng",
        AdminUsers.Actions.SignIn => "đăng nhập",
        AdminUsers.Actions.SignOut => "đăng xuất",
        _ => action,
    };
}
