using System.CommandLine;
using Tdkt.Clock;
using Tdkt.Links;

namespace Tdkt.Cli.Links;

/// <summary><c>tdkt link AGENCY</c>: the agency's current link, as today's digest carries it.</summary>
public static class LinkCommand
{
    public static Command Create(CliHost host)
    {
        var agency = new Argument<string>("agency") { Description = "Mã cơ quan, ví dụ so-noi-vu." };
        var revoke = new Option<bool>("--revoke")
        {
            Description = "Thu hồi mọi đường dẫn đã gửi cho cơ quan này (ví dụ khi thư bị chuyển ra ngoài), rồi in đường dẫn mới; đường dẫn của các cơ quan khác không đổi.",
        };
        var command = new Command("link", "In đường dẫn hiện hành tới trang nhiệm vụ của một cơ quan (như trong thư nhắc việc hôm nay).") { agency, revoke };
        command.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var id = parse.GetValue(agency)!;
            var directory = await context.Get<Tdkt.Agencies.AgencyStore>().LoadAsync(ct);
            if (!Tdkt.Agencies.AgencyId.IsValid(id) || directory.Find(new Tdkt.Agencies.AgencyId(id)) is null)
            {
                var suggestions = directory.Suggest(id.Replace('-', ' ')).Select(n => $"{directory.FindByName(n)?.Id.Value} ({n})").ToList();
                return await context.FailAsync($"không có cơ quan {id} trong danh bạ{(suggestions.Count > 0 ? $" (có phải: {string.Join(", ", suggestions)}?)" : "")}", ExitCodes.BadInput);
            }
            var today = context.Get<VietnamClock>().Today;
            var links = context.Get<AgencyLinks>();
            if (parse.GetValue(revoke))
            {
                var generation = await context.Get<LinkRevocations>().RevokeAsync(id, Environment.UserName, ct);
                await context.Error.WriteLineAsync($"Đã thu hồi mọi đường dẫn đã gửi cho {directory.Find(new Tdkt.Agencies.AgencyId(id))!.Name} (lần thu hồi thứ {generation}); "
                    + "trang mở bằng đường dẫn cũ báo “Đường dẫn đã bị thu hồi”. Thư nhắc việc từ nay mang đường dẫn mới:");
            }
            if (await links.LinkForAsync(id, today, ct) is not { } link)
            {
                return await context.FailAsync("chưa cấu hình Tdkt__Links__BaseUrl và Tdkt__Links__SigningKeys, nên không tạo được đường dẫn", ExitCodes.BadInput);
            }
            await context.Out.WriteLineAsync(link);
            await context.Error.WriteLineAsync($"(hiệu lực đến hết {VietnamTime.Format(links.Expiry(today))})");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
