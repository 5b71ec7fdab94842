using Microsoft.AspNetCore.Http;
using Tdkt.Administration;
using Tdkt.Web.Http;

namespace Tdkt.Web.Console.Users;

/// <summary>Người dùng: the console's users and their roles, the audit of changes.</summary>
public sealed class ConsoleUserHandlers(ConsoleGate gate, ConsolePages pages, AdminUsers users)
{
    public async Task<IResult> UsersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = ConsoleCaller.Of(request).User;
        return HtmlPages.Html(StatusCodes.Status200OK, await pages.UsersAsync(user, gate.NoticeFrom(request, user), cancellationToken));
    }

    public async Task<IResult> SaveUserAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        var email = form["email"].FirstOrDefault();
        if (AdminRoles.Parse(form["role"].FirstOrDefault()) is not { } role)
        {
            return Invalid(user, "Chưa lưu: vai trò phải là “Quản trị” hoặc “Chỉ xem”.");
        }
        return await users.SetAsync(email ?? "", role, user.Email, cancellationToken) switch
        {
            AdminChange.Invalid => Invalid(user, $"Chưa lưu: “{email}” không phải địa chỉ thư hợp lệ."),
            AdminChange.LastAdmin => Invalid(user, $"Chưa lưu: {AdminEmail.Normalize(email)} là quản trị viên duy nhất; thêm một quản trị viên khác trước. (Nếu trang quản trị không còn quản trị viên nào, người vận hành thêm lại bằng lệnh tdkt admin add EMAIL --role admin.)"),
            _ => gate.Back(user, "/console/users", $"Đã lưu {AdminEmail.Normalize(email)} ({AdminRoles.Label(role)})."),
        };
    }

    public async Task<IResult> RemoveUserAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        var email = form["email"].FirstOrDefault() ?? "";
        return await users.RemoveAsync(email, user.Email, cancellationToken) switch
        {
            AdminChange.Removed => gate.Back(user, "/console/users", $"Đã bớt {AdminEmail.Normalize(email)}; phiên đăng nhập của người này hết hiệu lực."),
            AdminChange.LastAdmin => Invalid(user, $"Chưa bớt: {AdminEmail.Normalize(email)} là quản trị viên duy nhất; thêm một quản trị viên khác trước. (Nếu trang quản trị không còn quản trị viên nào, người vận hành thêm lại bằng lệnh tdkt admin add EMAIL --role admin.)"),
            _ => Invalid(user, $"Chưa bớt: “{email}” không có trong danh sách người dùng."),
        };
    }

    private IResult Invalid(ConsoleUser user, string text) => HtmlPages.Html(StatusCodes.Status422UnprocessableEntity, pages.Refused(user, text));
}
