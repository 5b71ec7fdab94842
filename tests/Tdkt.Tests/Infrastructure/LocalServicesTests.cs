using Azure.Data.Tables;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Tdkt.Tests.Infrastructure;

/// <summary>Proves the test stack is the real thing: Azurite stores Vietnamese text, smtp4dev keeps UTF-8 mail intact.</summary>
public sealed class LocalServicesTests(LocalServices services)
{
    [Fact]
    public async Task Azurite_stores_and_returns_an_entity_with_Vietnamese_text()
    {
        var tables = new TableServiceClient(services.Azurite.ConnectionString);
        var table = tables.GetTableClient("t" + Guid.NewGuid().ToString("N"));
        await table.CreateIfNotExistsAsync(TestContext.Current.CancellationToken);

        const string content = "Phát động phong trào thi đua phấn đấu hoàn thành thắng lợi nhiệm vụ năm 2023";
        await table.AddEntityAsync(new TableEntity("ke-hoach-252", "001") { ["Content"] = content, ["Agency"] = "Sở Nội vụ" },
            TestContext.Current.CancellationToken);

        var rows = table.QueryAsync<TableEntity>(e => e.PartitionKey == "ke-hoach-252", cancellationToken: TestContext.Current.CancellationToken);
        var found = new List<TableEntity>();
        await foreach (var row in rows)
        {
            found.Add(row);
        }

        var entity = Assert.Single(found);
        Assert.Equal(content, entity.GetString("Content"));
        Assert.Equal("Sở Nội vụ", entity.GetString("Agency"));
    }

    [Fact]
    public async Task Smtp4dev_receives_a_UTF8_message_with_its_Vietnamese_subject_intact()
    {
        var recipient = $"so-noi-vu-{Guid.NewGuid():N}@example.org";
        const string subject = "Nhắc việc: Kế hoạch 252/KH-UBND";
        const string body = "Kính gửi: Sở Nội vụ\nNhiệm vụ số 2 đến hạn ngày 31/03/2023.";
        var message = new MimeMessage
        {
            Subject = subject,
            Body = new TextPart("plain") { Text = body },
        };
        message.From.Add(new MailboxAddress("Hội đồng TĐKT tỉnh", "hoi-dong-tdkt@example.org"));
        message.To.Add(new MailboxAddress("Sở Nội vụ", recipient));

        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync("127.0.0.1", services.Smtp4dev.SmtpPort, SecureSocketOptions.None, TestContext.Current.CancellationToken);
            await smtp.SendAsync(message, TestContext.Current.CancellationToken);
            await smtp.DisconnectAsync(quit: true, TestContext.Current.CancellationToken);
        }

        using var inbox = new Inbox(services.Smtp4dev.ApiBase);
        var mail = Assert.Single(await inbox.MessagesToAsync(recipient));
        Assert.Equal(subject, mail.ApiSubject);
        var received = mail.Message;
        Assert.Equal(subject, received.Subject);
        Assert.Equal("Sở Nội vụ", received.To.Mailboxes.Single().Name);
        Assert.Equal(body, received.TextBody?.ReplaceLineEndings("\n").TrimEnd('\n'));
    }
}
