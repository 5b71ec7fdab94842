using System.CommandLine;
using Microsoft.Extensions.Options;
using Tdkt.Administration;
using Tdkt.Clock;
using Tdkt.Links;

namespace Tdkt.Cli.Administration;

/// <summary>
/// <c>tdkt admin add EMAIL --role admin|viewer</c>, <c>admin list</c>, <c>admin remove EMAIL</c> and <c>admin link EMAIL</c>:
/// the console's users (audited with the person at the terminal) and a one-time sign-in link for one of them.
/// </summary>
public static class AdminCommands
{
    public static Command Create(CliHost host) =>
        new("admin", "Người dùng trang quản trị (console): thêm, xem, bớt, và in đường dẫn đăng nhập một lần.") { Add(host), List(host), Remove(host), Link(host) };

    private static Argument<string> Email() => new("email") { Description = "Địa chỉ thư của người dùng, ví dụ vanthu@example.org." };

    private static Command Add(CliHost host)
    {
        var email = Email();
        var role = new Option<string>("--role") { Description = "admin (quản trị: được thay đổi) hoặc viewer (chỉ xem).", Required = true };
        var command = new Command("add", "Thêm người dùng trang quản trị, hoặc đổi vai trò của người đã có.") { email, role };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            if (AdminRoles.Parse(parse.GetValue(role)) is not { } parsed)
            {
                return await context.FailAsync($"--role {parse.GetValue(role)} không hợp lệ: dùng admin hoặc viewer", ExitCodes.BadInput);
            }
            var address = parse.GetValue(email)!;
            var change = await context.Get<AdminUsers>().SetAsync(address, parsed, By, ct);
            var normalized = AdminEmail.Normalize(address);
            return change switch
            {
                AdminChange.Invalid => await context.FailAsync($"“{address}” không phải địa chỉ thư hợp lệ", ExitCodes.BadInput),
                AdminChange.LastAdmin => await context.FailAsync($"{normalized} là quản trị viên duy nhất: thêm một quản trị viên khác trước khi đổi vai trò", ExitCodes.Failure),
                AdminChange.Unchanged => await Done(context, $"{normalized} đã có vai trò {AdminRoles.Label(parsed)}, không thay đổi gì."),
                AdminChange.Changed => await Done(context, $"Đã đổi vai trò của {normalized} thành {AdminRoles.Label(parsed)}."),
                _ => await Done(context, $"Đã thêm {normalized} ({AdminRoles.Label(parsed)}). Đường dẫn đăng nhập: tdkt admin link {normalized}"),
            };
        }));
        return command;
    }

    private static Command List(CliHost host)
    {
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON." };
        var command = new Command("list", "Liệt kê người dùng trang quản trị và vai trò.") { json };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var users = await context.Get<AdminUsers>().ListAsync(ct);
            if (parse.GetValue(json))
            {
                await context.WriteJsonAsync(users.Select(u => new { email = u.Email, role = AdminRoles.Slug(u.Role), addedAt = u.AddedAt.ToString(), addedBy = u.AddedBy }));
                return ExitCodes.Ok;
            }
            if (users.Count == 0)
            {
                await context.Out.WriteLineAsync("Chưa có người dùng nào. Thêm: tdkt admin add EMAIL --role admin");
            }
            foreach (var u in users)
            {
                await context.Out.WriteLineAsync($"{u.Email}\t{u.RoleLabel}\tthêm lúc {VietnamTime.Moment(u.AddedAt)} bởi {u.AddedBy}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Remove(CliHost host)
    {
        var email = Email();
        var command = new Command("remove", "Bớt một người dùng trang quản trị: phiên đăng nhập của họ hết hiệu lực ngay.") { email };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var address = parse.GetValue(email)!;
            var normalized = AdminEmail.Normalize(address);
            return await context.Get<AdminUsers>().RemoveAsync(address, By, ct) switch
            {
                AdminChange.Invalid => await context.FailAsync($"“{address}” không phải địa chỉ thư hợp lệ", ExitCodes.BadInput),
                AdminChange.NotFound => await context.FailAsync($"{normalized} không có trong danh sách người dùng (tdkt admin list)", ExitCodes.BadInput),
                AdminChange.LastAdmin => await context.FailAsync($"{normalized} là quản trị viên duy nhất: thêm một quản trị viên khác trước", ExitCodes.Failure),
                _ => await Done(context, $"Đã bớt {normalized}; phiên đăng nhập của người này hết hiệu lực."),
            };
        }));
        return command;
    }

    private static Command Link(CliHost host)
    {
        var email = Email();
        var command = new Command("link", "In đường dẫn đăng nhập một lần (hiệu lực 15 phút) cho một người dùng trang quản trị.") { email };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var address = parse.GetValue(email)!;
            var baseUrl = context.Get<IOptions<LinkOptions>>().Value.BaseUrl;
            if (string.IsNullOrEmpty(baseUrl))
            {
                return await context.FailAsync("chưa cấu hình Tdkt__Links__BaseUrl (địa chỉ công khai của ứng dụng), nên không tạo được đường dẫn", ExitCodes.BadInput);
            }
            if (await context.Get<SignInLinks>().CreateAsync(address, ct) is not { } token)
            {
                return await context.FailAsync($"{AdminEmail.Normalize(address) ?? address} không có trong danh sách người dùng: thêm bằng tdkt admin add EMAIL --role admin|viewer", ExitCodes.BadInput);
            }
            await context.Out.WriteLineAsync(SignInLinks.Url(baseUrl, token));
            await context.Error.WriteLineAsync("(dùng được một lần, trong 15 phút)");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Who made a change from the command line: the account at the terminal.</summary>
    private static string By => "tdkt (" + Environment.UserName + ")";

    private static async Task<int> Done(CliContext context, string message)
    {
        await context.Out.WriteLineAsync(message);
        return ExitCodes.Ok;
    }
}
