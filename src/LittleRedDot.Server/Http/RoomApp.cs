using System.Threading.RateLimiting;

namespace LittleRedDot.Server.Http;

/// <summary>
/// The room's services and request pipeline, shared by `serve` (Kestrel) and the tests' in-process host:
/// problem details for every error and no stack trace, a rate limit per client, security headers, no CORS.
/// </summary>
public static class RoomApp
{
    public static void AddRoom(IServiceCollection services, Room room, RoomOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(room);
        services.AddSingleton(options);
        services.AddRouting();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, RoomJsonContext.Default));
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetTokenBucketLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst,
                    TokensPerPeriod = options.RequestsPerSecond,
                    ReplenishmentPeriod = options.RefillPeriod,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return Problems.WriteAsync(
                    context.HttpContext,
                    StatusCodes.Status429TooManyRequests,
                    "Too many requests",
                    $"at most {options.RequestsPerSecond} requests a second from one client; wait a moment and send again");
            };
        });
    }

    public static void UseRoom(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(SecurityHeaders.Add);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseEndpoints(RoomEndpoints.Map);
    }
}
