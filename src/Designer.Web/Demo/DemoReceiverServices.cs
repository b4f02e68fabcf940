using System.Globalization;
using System.Security.Cryptography;
using Designer.Runtime.Actions;
using Designer.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;

namespace Designer.Web.Demo;

/// <summary>
/// Issue 16 demo: in Development with the demo seeded, registers the in-app receiver and the approved connection
/// <see cref="ConnectionName"/> that points at it, so the seeded "Dispute triage" workflow can show a refund action,
/// its idempotency key and its compensation without an external system. Anywhere else nothing is registered, the
/// receiver's paths answer 404 and the demo workflow is seeded without the action.
/// </summary>
public static class DemoReceiverServices
{
    /// <summary>The demo connection's name, as the demo workflow's refund action names it.</summary>
    public const string ConnectionName = DemoWorkflows.RefundConnection;

    /// <summary>Configuration key of the receiver's key; a random one per process when unset.</summary>
    public const string KeySetting = DemoOptions.SectionName + ":ReceiverKey";

    /// <summary>
    /// Adds the connection to configuration (unless an admin configured one of that name) and the receiver's services.
    /// Call before <c>AddDesignerRuntime</c>, which creates one HTTP client per configured connection.
    /// </summary>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddDesignerDemoReceiver(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var demo = builder.Configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions();
        var connection = $"{ActionOptions.SectionName}:Connections:{ConnectionName}";
        if (!builder.Environment.IsDevelopment() || !demo.SeedsDemo(builder.Environment)
            || builder.Configuration.GetSection(connection).Exists())
        {
            return builder;
        }

        // The secret lives in configuration only (user-secrets, environment, or this process's random one), never in
        // the workflow definition: the action names the connection, the runtime adds the header.
        var key = builder.Configuration[KeySetting] is { Length: > 0 } configured
            ? configured
            : Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{connection}:BaseUrl"] = "http://localhost" + DemoReceiverEndpoints.PathPrefix + "/",
            [$"{connection}:AuthHeader"] = DemoReceiverEndpoints.KeyHeader,
            [$"{connection}:AuthValue"] = key,
            [$"{connection}:Timeout"] = TimeSpan.FromSeconds(10).ToString("c", CultureInfo.InvariantCulture),
            [$"{connection}:RetryDelay"] = TimeSpan.FromMilliseconds(200).ToString("c", CultureInfo.InvariantCulture),
        });
        builder.Services.AddSingleton(new DemoReceiverKey(key));
        builder.Services.AddSingleton<DemoReceiver>();
        builder.Services.AddHttpClient(ActionServices.ClientName(ConnectionName))
            .AddHttpMessageHandler(sp => new DemoReceiverLoopback(sp.GetRequiredService<IServer>()));
        return builder;
    }

    /// <summary>Whether this host has the demo receiver (and so the <see cref="ConnectionName"/> connection).</summary>
    /// <param name="services">The app's services.</param>
    /// <returns>True in Development with the demo seeded.</returns>
    public static bool HasDemoReceiver(this IServiceProvider services) => services.GetService<DemoReceiver>() is not null;

    /// <summary>
    /// Outside the receiver's hosts its paths (the endpoints and the <c>/demo/receiver</c> page, whose route exists in
    /// every build) answer 404 before authentication, so a production host does not even reveal a login redirect.
    /// </summary>
    /// <returns>The same app.</returns>
    public static IApplicationBuilder UseDemoReceiverGuard(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ApplicationServices.HasDemoReceiver())
        {
            return app;
        }

        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(DemoReceiverEndpoints.PathPrefix, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
    }
}
