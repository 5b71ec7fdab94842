namespace Tdkt.Tests.Mail;

/// <summary>
/// A real SMTP server on loopback that accepts messages and, as Postfix and many providers do (sooner here), closes a
/// connection that has been idle for <see cref="IdleLimit"/> without a word. It counts the messages it accepted.
/// </summary>
public sealed class IdleClosingSmtpServer(TimeSpan idleLimit) : LoopbackSmtpServer
{
    private int accepted;

    public TimeSpan IdleLimit { get; } = idleLimit;

    public int Accepted => Volatile.Read(ref accepted);

    protected override async Task ServeAsync(StreamReader reader, StreamWriter writer)
    {
        await writer.WriteLineAsync("220 idle.example.org ESMTP");
        var inData = false;
        while (true)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(Stop.Token);
            idle.CancelAfter(IdleLimit);
            string? line;
            try
            {
                line = await reader.ReadLineAsync(idle.Token);
            }
            catch (OperationCanceledException)
            {
                // Idle too long: closed without a word, as a server under load does.
                return;
            }
            if (line is null)
            {
                return;
            }
            if (inData)
            {
                if (line == ".")
                {
                    inData = false;
                    Interlocked.Increment(ref accepted);
                    await writer.WriteLineAsync("250 2.0.0 Ok: queued");
                }
                continue;
            }
            switch (line.Split(' ')[0].ToUpperInvariant())
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-idle.example.org\r\n250 8BITMIME");
                    break;
                case "DATA":
                    inData = true;
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 2.0.0 Ok");
                    break;
            }
        }
    }
}
