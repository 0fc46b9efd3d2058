using WorkersHome.Platform.Outbox;

namespace WorkersHome.Modules.Rights.Messaging;

/// <summary>WeChat and SMS into the case system (docs/adr/0020): the ports, their default adapters, and the callbacks.</summary>
internal static class MessagingSetup
{
    public static IServiceCollection AddRightsMessaging(this IServiceCollection services)
    {
        services.AddOptions<WeChatOptions>().BindConfiguration(WeChatOptions.Section);
        services.AddOptions<SmsInboundOptions>().BindConfiguration(SmsInboundOptions.Section);
        services.AddScoped<MessageSenders>();
        services.AddScoped<MessageCases>();
        services.AddScoped<ReceiveWeChatMessage>();
        services.AddScoped<IWeChatMessenger, OutboxWeChatMessenger>();
        services.AddScoped<IOutboxChannel, LocalWeChatChannel>();
        services.AddScoped<ISmsInbound, GenericSmsGateway>();
        services.AddHttpClient(nameof(WeChatSimulator), c => c.Timeout = TimeSpan.FromSeconds(5));
        services.AddScoped<WeChatSimulator>();
        return services;
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        WeChatCallback.Map(app);
        SmsInboundEndpoint.Map(app);
    }
}