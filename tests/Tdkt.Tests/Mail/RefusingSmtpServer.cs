namespace Tdkt.Tests.Mail;

/// <summary>
/// A real SMTP server on loopback that speaks just enough of RFC 5321 to refuse: with <c>offerAuth</c> it advertises
/// AUTH and answers every login with 535 (an expired password), without it it offers no AUTH at all (a configured
/// user name then cannot log in). It never accepts a message.
/// </summary>
public sealed class RefusingSmtpServer(bool offerAuth) : LoopbackSmtpServer
{
    private int logins;

    /// <summary>How many AUTH commands were refused.</summary>
    public int Logins => Volatile.Read(ref logins);

    protected override async Task ServeAsync(StreamReader reader, StreamWriter writer)
    {
        await writer.WriteLineAsync("220 refusing.example.org ESMTP");
        while (await reader.ReadLineAsync(Stop.Token) is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync(offerAuth ? "250-refusing.example.org\r\n250 AUTH PLAIN LOGIN" : "250 refusing.example.org");
                    break;
                case "AUTH":
                    Interlocked.Increment(ref logins);
                    await writer.WriteLineAsync("535 5.7.8 Authentication credentials invalid");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("530 5.7.0 Authentication required");
                    break;
            }
        }
    }
}
