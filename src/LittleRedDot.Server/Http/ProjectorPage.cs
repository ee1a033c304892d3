using System.Collections.Frozen;

namespace LittleRedDot.Server.Http;

/// <summary>
/// The projector page (RULES.md §9 `GET /`): one HTML file, its script and its style, all served from this
/// assembly. The script is a same-origin file, so the content security policy allows no inline script at all.
/// </summary>
public static class ProjectorPage
{
    /// <summary>Nothing from elsewhere, nothing inline: script, style and requests from this origin only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, (byte[] Bytes, string Type)> Files = Load();

    public static IResult Serve(HttpContext http, string name)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (bytes, type) = Files[name];
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Bytes(bytes, type);
    }

    private static FrozenDictionary<string, (byte[] Bytes, string Type)> Load()
    {
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var (name, type) in new[] { ("index.html", "text/html; charset=utf-8"), ("board.js", "text/javascript; charset=utf-8"), ("board.css", "text/css; charset=utf-8") })
        {
            using var stream = typeof(ProjectorPage).Assembly.GetManifestResourceStream("web/" + name)
                ?? throw new InvalidOperationException($"the projector page's {name} is missing from the build");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[name] = (copy.ToArray(), type);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
