using System.CommandLine;
using Tdkt.Agencies;
using Tdkt.Input;

namespace Tdkt.Cli.Agencies;

/// <summary><c>tdkt agencies …</c>: load and export the agency directory.</summary>
public static class AgencyCommands
{
    public static Command Create(CliHost host)
    {
        var file = new Argument<FileInfo>("file") { Description = "Danh bạ cơ quan (.yaml hoặc .csv)." };
        var import = new Command("import", "Kiểm tra và lưu danh bạ cơ quan.") { file };
        import.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                return await context.FailAsync($"không tìm thấy tệp {path.Name}", ExitCodes.BadInput);
            }
            var result = await ReadAsync(path, ct);
            if (result.Directory is null)
            {
                foreach (var e in result.Errors)
                {
                    await context.Error.WriteLineAsync(e.ToString());
                }
                return await context.FailAsync($"{result.Errors.Count} lỗi; chưa lưu gì.", ExitCodes.BadInput);
            }
            await context.Get<AgencyStore>().SaveAsync(result.Directory, ct);
            await context.Out.WriteLineAsync($"Đã lưu {result.Directory.Agencies.Count} cơ quan.");
            return ExitCodes.Ok;
        }));

        var format = new Option<string>("--format") { Description = "yaml hoặc csv.", DefaultValueFactory = _ => "yaml" };
        format.AcceptOnlyFromAmong("yaml", "csv");
        var export = new Command("export", "Xuất danh bạ cơ quan đã lưu.") { format };
        export.SetAction((parse, ct) => host.RunAsync(parse, async context =>
        {
            var directory = await context.Get<AgencyStore>().LoadAsync(ct);
            await context.Out.WriteAsync(parse.GetValue(format) == "csv" ? AgencyDirectoryFile.WriteCsv(directory) : AgencyDirectoryFile.WriteYaml(directory));
            return ExitCodes.Ok;
        }));

        return new Command("agencies", "Danh bạ cơ quan (agency directory).") { import, export };
    }

    public static async Task<AgencyDirectoryResult> ReadAsync(FileInfo path, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var text = TextDecoder.Decode(await File.ReadAllBytesAsync(path.FullName, ct), path.Name);
            return AgencyDirectoryFile.Read(text, path.Name);
        }
        catch (InputRejectedException ex)
        {
            return new AgencyDirectoryResult(null, ex.Errors);
        }
    }
}
