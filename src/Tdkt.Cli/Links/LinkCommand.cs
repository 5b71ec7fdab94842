using System.CommandLine;
using Tdkt.Hosting;
using Tdkt.Links;

namespace Tdkt.Cli.Links;

/// <summary><c>tdkt link AGENCY</c>: the agency's current link, as today's digest carries it.</summary>
public static class LinkCommand
{
    public static Command Create(CliHost host)
    {
        var agency = new Argument<string>("agency") { Description = "Mã cơ quan, ví dụ so-noi-vu." };
        var command = new Command("link", "In đường dẫn hiện hành tới trang nhiệm vụ của một cơ quan (như trong thư nhắc việc hôm nay).") { agency };
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
            if (links.LinkFor(id, today) is not { } link)
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
