using System.CommandLine;
using Tdkt.Cli.Agencies;
using Tdkt.Cli.Plans;

namespace Tdkt.Cli;

/// <summary>The <c>tdkt</c> command tree. Each feature adds its own subcommand here.</summary>
public static class TdktCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "tdkt: nhắc việc và theo dõi kế hoạch công tác thi đua, khen thưởng " +
            "(administer plans, reminders and completion; run the whole system locally).")
        {
            PlanCommands.Create(),
            AgencyCommands.Create(),
            Reminders.SweepCommand.Create(),
            Mail.MailCommands.Dispatch(),
            Mail.MailCommands.Mail(),
            Mail.OutboxCommands.Create(),
            Reports.ReportCommand.Create(),
            Completion.TaskCommands.Create(),
            Links.LinkCommand.Create(),
            StatusCommand.Create(),
            Up.UpCommand.Create(),
        };
        return root;
    }

    /// <summary>Runs a command line; bad usage exits 2 with one clear line on stderr.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await error.WriteLineAsync($"tdkt: {e.Message} (tdkt --help)");
            }
            return ExitCodes.BadInput;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}
