using System.CommandLine;
using Tdkt.Cli.Agencies;
using Tdkt.Cli.Plans;

namespace Tdkt.Cli;

/// <summary>The <c>tdkt</c> command tree. Each feature adds its own subcommand here.</summary>
public static class TdktCommand
{
    public static RootCommand Create(CliHost host)
    {
        var root = new RootCommand(
            "tdkt: nhắc việc và theo dõi kế hoạch công tác thi đua, khen thưởng " +
            "(administer plans, reminders and completion; run the whole system locally).")
        {
            PlanCommands.Create(host),
            AgencyCommands.Create(host),
            Reminders.SweepCommand.Create(host),
            Mail.MailCommands.Dispatch(host),
            Mail.MailCommands.Mail(host),
            Mail.OutboxCommands.Create(host),
            Reports.ReportCommand.Create(host),
            Completion.TaskCommands.Create(host),
            Links.LinkCommand.Create(host),
            Calendar.CalendarCommands.Create(host),
            Administration.AdminCommands.Create(host),
            StatusCommand.Create(host),
            Up.UpCommand.Create(),
        };
        return root;
    }

    /// <summary>
    /// Runs a command line with the environment's settings, or with <paramref name="host"/>'s (tests run commands in
    /// process this way); bad usage exits 2 with one clear line on stderr.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CliHost? host = null)
    {
        var parse = Create(host ?? CliHost.FromEnvironment()).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await error.WriteLineAsync($"tdkt: {e.Message} (tdkt --help)");
            }
            return ExitCodes.BadInput;
        }
        // On Ctrl+C or SIGTERM a command gets this long to stop in order (tdkt up stops the web host, then Azurite with
        // its data saved) before the process is ended; the default of 2 s is too short on a busy machine.
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
    }
}
