using System.Globalization;
using System.Threading.RateLimiting;

namespace Designer.Web.Hosting;

/// <summary>
/// Fixed one-minute windows per client IP address on the endpoints worth guessing or flooding: logins (API and
/// page), token refresh, run start and collection search. Per IP rather than per account, so nobody can lock an
/// administrator out by failing on their behalf faster than the account lockout forgives.
/// </summary>
internal static class RateLimiting
{
    public const string Login = "login";
    public const string Refresh = "refresh";
    public const string RunStart = "run-start";
    public const string Search = "search";

    public static void AddDesignerRateLimiting(IServiceCollection services, RateLimitOptions limits)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Login, context => PerIp(context, Login, limits.LoginPerMinute));
            options.AddPolicy(Refresh, context => PerIp(context, Refresh, limits.RefreshPerMinute));
            options.AddPolicy(RunStart, context => PerIp(context, RunStart, limits.RunStartPerMinute));
            options.AddPolicy(Search, context => PerIp(context, Search, limits.SearchPerMinute));

            // The login page posts to itself (a Blazor form), which no endpoint policy can name; it shares the
            // login budget's size but not its counter.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase)
                    ? PerIp(context, "login-page", limits.LoginPerMinute)
                    : RateLimitPartition.GetNoLimiter(string.Empty));

            options.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = "This address sent too many requests of this kind; wait for the time in Retry-After.",
                    },
                });
            };
        });
    }

    private static RateLimitPartition<string> PerIp(HttpContext context, string policy, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            policy + "|" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, permitsPerMinute),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
}
