using System.Buffers;
using System.Text.Json;
using LittleRedDot.Content;
using LittleRedDot.Server.Storage;

namespace LittleRedDot.Server.Http;

/// <summary>
/// `GET /api/export`: one JSON object a line per submission, verified or not (RULES.md §9): id, round,
/// receivedAt, player, level, digest, verified, reason, field, message, and the run file as received.
/// </summary>
public static class ExportLines
{
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<StoredSubmission> submissions, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(submissions);
        var options = JsonNumbers.WriterOptions with { Indented = false };
        var line = new ArrayBufferWriter<byte>();
        await foreach (var s in submissions.WithCancellation(cancellation).ConfigureAwait(false))
        {
            line.ResetWrittenCount();
            using (var w = new Utf8JsonWriter(line, options))
            {
                w.WriteStartObject();
                w.WriteNumber("id", s.Id);
                w.WriteNumber("round", s.RoundId);
                w.WriteString("receivedAt", Rfc3339.Format(s.ReceivedAt));
                w.WriteString("player", s.Player);
                w.WriteString("level", s.LevelId);
                w.WriteString("digest", s.Digest);
                w.WriteBoolean("verified", s.Verified);
                w.WriteString("reason", s.Reason);
                w.WriteString("field", s.Field);
                w.WriteString("message", s.Message);
                w.WritePropertyName("run");

                WriteRun(w, s.Body);
                w.WriteEndObject();
            }

            line.Write("\n"u8);
            await output.WriteAsync(line.WrittenMemory, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>The run file re-written on one line; a stored body was read as JSON by the checker (a BOM aside).</summary>
    private static void WriteRun(Utf8JsonWriter w, byte[] body)
    {
        var json = body.AsMemory();
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        try
        {
            using var run = JsonDocument.Parse(json);
            run.RootElement.WriteTo(w);
        }
        catch (JsonException)
        {
            w.WriteStringValue(System.Text.Encoding.UTF8.GetString(body));
        }
    }
}
