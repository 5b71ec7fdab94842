using Tdkt.Cli;

return TdktCommand.Create().Parse(args).Invoke();
