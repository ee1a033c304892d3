using Microsoft.AspNetCore.Http.HttpResults;

namespace LittleRedDot.Server.Http;

/// <summary>Every error the room answers, as an RFC 9457 problem (`application/problem+json`, title, detail).</summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string title, string detail, IEnumerable<KeyValuePair<string, object?>>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);

    public static ProblemHttpResult BadRequest(string detail) => Of(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static ProblemHttpResult Unauthorized() =>
        Of(StatusCodes.Status401Unauthorized, "Admin token required", "send the room's admin token as `Authorization: Bearer TOKEN` (printed by `serve` at start)");

    public static ProblemHttpResult TooLarge() =>
        Of(StatusCodes.Status413PayloadTooLarge, "Too large", $"a request body is at most {RoomOptions.MaxBodyBytes / 1024} KiB; a run file is well under one");

    public static ProblemHttpResult Unavailable(string detail) => Of(StatusCodes.Status503ServiceUnavailable, "Room unavailable", detail);

    /// <summary>Writes a problem where no endpoint answers (rate limiter, status code pages).</summary>
    public static ValueTask WriteAsync(HttpContext http, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.StatusCode = status;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
