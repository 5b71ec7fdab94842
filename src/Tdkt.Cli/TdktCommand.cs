using System.CommandLine;

namespace Tdkt.Cli;

/// <summary>The <c>tdkt</c> command tree. Each feature adds its own subcommand here.</summary>
public static class TdktCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "tdkt: nhắc việc và theo dõi kế hoạch công tác thi đua, khen thưởng " +
            "(administer plans, reminders and completion; run the whole system locally).");
        return root;
    }
}
