using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tdkt.Mail.Channels;

namespace Tdkt.Mail;

public static class MailServiceCollectionExtensions
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AcsOptions>().Bind(configuration.GetSection(AcsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GraphOptions>().Bind(configuration.GetSection(GraphOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Pacing of real sends uses elapsed time; dates and "now" of the business come from IClock.
        services.TryAddSingleton<MailTemplates>();
        services.TryAddSingleton<MailComposer>();
        services.TryAddSingleton<SendRateLimiter>();
        services.TryAddSingleton<DispatchQueueClient>();
        services.TryAddSingleton<SmtpChannel>();
        services.TryAddSingleton<AcsChannel>();
        services.TryAddSingleton(sp => GraphCredential.From(sp.GetRequiredService<IOptions<GraphOptions>>().Value));
        services.TryAddSingleton<GraphChannel>();
        services.TryAddSingleton<IMailChannel>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Channel switch
        {
            MailChannelKind.Smtp => sp.GetRequiredService<SmtpChannel>(),
            MailChannelKind.Acs => sp.GetRequiredService<AcsChannel>(),
            MailChannelKind.Graph => sp.GetRequiredService<GraphChannel>(),
            var other => throw new InvalidOperationException($"Tdkt:Mail:Channel = {other} không được hỗ trợ: dùng Smtp, Acs hoặc Graph."),
        });
        services.TryAddSingleton<MailDispatcher>();
        services.TryAddSingleton<DigestRetry>();
        return services;
    }
}
