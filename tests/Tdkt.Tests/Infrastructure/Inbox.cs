using System.Net.Http.Json;
using System.Text.Json.Serialization;
using MimeKit;

namespace Tdkt.Tests.Infrastructure;

/// <summary>A message as smtp4dev's API lists it (its decoded subject) and as it was received (the raw MIME).</summary>
public sealed record ReceivedMail(string ApiSubject, MimeMessage Message);

/// <summary>Reads what reached smtp4dev through its JSON API, and parses the raw message with MimeKit.</summary>
public sealed class Inbox(Uri apiBase) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = apiBase, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Every message one recipient received, waiting up to <paramref name="timeout"/> for at least <paramref name="atLeast"/>.</summary>
    public Task<IReadOnlyList<ReceivedMail>> MessagesToAsync(string recipient, int atLeast = 1, TimeSpan? timeout = null) =>
        MessagesAsync(m => m.To.Any(to => to.Contains(recipient, StringComparison.OrdinalIgnoreCase)), atLeast, timeout);

    /// <summary>Every message from one sender (tests give each run its own sender), waiting up to <paramref name="timeout"/> for at least <paramref name="atLeast"/>.</summary>
    public Task<IReadOnlyList<ReceivedMail>> MessagesFromAsync(string sender, int atLeast = 1, TimeSpan? timeout = null) =>
        MessagesAsync(m => m.From?.Contains(sender, StringComparison.OrdinalIgnoreCase) == true, atLeast, timeout);

    /// <summary>
    /// Every message from one sender, copies included, waiting up to <paramref name="timeout"/> until <paramref name="distinct"/>
    /// different Message-IDs have arrived. For fault tests that allow a copy: counting copies would stop the wait before the
    /// last digest is in (smtp4dev lists a message a moment after it accepted it).
    /// </summary>
    public async Task<IReadOnlyList<ReceivedMail>> MessagesWithDistinctIdsFromAsync(string sender, int distinct, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTimeOffset.UtcNow;
            var messages = await MessagesFromAsync(sender, distinct, left > TimeSpan.Zero ? left : TimeSpan.Zero);
            if (messages.Select(m => m.Message.MessageId).Distinct(StringComparer.Ordinal).Count() >= distinct || DateTimeOffset.UtcNow > deadline)
            {
                return messages;
            }
            await Task.Delay(200);
        }
    }

    private async Task<IReadOnlyList<ReceivedMail>> MessagesAsync(Func<MessageSummary, bool> mine, int atLeast, TimeSpan? timeout)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = (await ListAsync()).Where(mine).ToList();
            if (found.Count >= atLeast || DateTimeOffset.UtcNow > deadline)
            {
                var messages = new List<ReceivedMail>();
                foreach (var summary in found)
                {
                    await using var source = await http.GetStreamAsync(new Uri($"api/messages/{summary.Id}/raw", UriKind.Relative));
                    messages.Add(new ReceivedMail(summary.Subject, await MimeMessage.LoadAsync(source)));
                }
                return messages;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>When smtp4dev received each message from one sender, oldest first.</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> ReceivedTimesFromAsync(string sender, int atLeast, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var mine = (await ListAsync()).Where(m => m.From?.Contains(sender, StringComparison.OrdinalIgnoreCase) == true).ToList();
            if (mine.Count >= atLeast || DateTimeOffset.UtcNow > deadline)
            {
                return [.. mine.Select(m => m.ReceivedDate).Order()];
            }
            await Task.Delay(100);
        }
    }

    private async Task<IReadOnlyList<MessageSummary>> ListAsync()
    {
        var page = await http.GetFromJsonAsync<MessagePage>(new Uri("api/messages?pageSize=100000", UriKind.Relative));
        return page?.Results ?? [];
    }

    public void Dispose() => http.Dispose();

    private sealed record MessagePage([property: JsonPropertyName("results")] IReadOnlyList<MessageSummary> Results);

    private sealed record MessageSummary(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("from")] string? From,
        [property: JsonPropertyName("to")] IReadOnlyList<string> To,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("receivedDate")] DateTimeOffset ReceivedDate);
}
