using Microsoft.Net.Http.Headers;

namespace LittleRedDot.Server.Http;

/// <summary>The facilitator's bearer token (RULES.md §9): compared in constant time.</summary>
public static class Admin
{
    public static bool Allows(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var header = http.Request.Headers[HeaderNames.Authorization].FirstOrDefault();
        const string scheme = "Bearer ";
        if (header is null || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return false;
        }

        var allowed = Room.SameSecret(http.RequestServices.GetRequiredService<RoomOptions>().AdminToken, header[scheme.Length..].Trim());
        if (!allowed)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        }

        return allowed;
    }
}
