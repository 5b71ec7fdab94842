using Tdkt.Cli;

return await TdktCommand.RunAsync(args, Console.Out, Console.Error);
