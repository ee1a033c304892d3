namespace LittleRedDot.Server.Http;

/// <summary>
/// The headers every answer of the room carries (RULES.md §9): no sniffing, no framing, no referrer, same-origin
/// only, and the projector page's content security policy. One list for the app's answers and for the problems
/// that stand in for Kestrel's own rejections (<see cref="KestrelRejections"/>).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The header every answer of the app carries; an answer without it was not written by the app.</summary>
    public const string Marker = "X-Content-Type-Options";

    /// <summary>Name and value of each header, in the order they are sent.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> All =
    [
        new("Content-Security-Policy", ProjectorPage.ContentSecurityPolicy),
        new(Marker, "nosniff"),
        new("X-Frame-Options", "DENY"),
        new("Referrer-Policy", "no-referrer"),
        new("Cross-Origin-Opener-Policy", "same-origin"),
        new("Cross-Origin-Resource-Policy", "same-origin"),
        new("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
    ];

    /// <summary>Adds them to every answer as it starts: an error answer written after the response was cleared carries them too.</summary>
    public static Task Add(HttpContext http, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        http.Response.OnStarting(AddTo, http);
        return next(http);
    }

    private static Task AddTo(object state)
    {
        var http = (HttpContext)state;
        var headers = http.Response.Headers;
        foreach (var (name, value) in All)
        {
            headers[name] = value;
        }

        if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            headers.CacheControl = "no-store";
        }

        return Task.CompletedTask;
    }
}
