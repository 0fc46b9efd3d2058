using System.Net;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace WorkersHome.Testing;

/// <summary>
/// Serves the app over a real Kestrel socket instead of the in-memory test server,
/// for clients that cannot be handed an HttpMessageHandler (browsers).
/// </summary>
public static class LoopbackServer
{
    /// <summary>Kestrel on 127.0.0.1 at a port the OS picks, so parallel test classes never collide. Call before the app starts.</summary>
    public static void UseLoopbackKestrel(this AppFactory factory) =>
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    /// <summary>Starts the server (if it is not yet) and returns the address Kestrel actually bound.</summary>
    public static Uri StartLoopbackServer(this AppFactory factory)
    {
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("the server reports no addresses; was UseLoopbackKestrel called before it started?");
        return new Uri(addresses.Single());
    }
}