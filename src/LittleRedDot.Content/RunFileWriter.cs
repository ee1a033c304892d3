using System.Text.Json;

namespace LittleRedDot.Content;

/// <summary>Writes run files (RULES.md §7).</summary>
public static class RunFileWriter
{
    public static byte[] ToBytes(RunFile run)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonNumbers.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("format", RunFile.FormatName);
            w.WriteNumber("rulesVersion", run.RulesVersion);
            w.WriteStartObject("level");
            w.WriteString("id", run.LevelId);
            w.WriteString("sha256", run.LevelSha256);
            w.WriteEndObject();
            w.WriteString("player", run.Player);
            w.WriteString("savedAt", run.SavedAt);
            w.WriteStartObject("choice");
            JsonNumbers.Write(w, "alpha", run.Choice.Alpha);
            JsonNumbers.Write(w, "beta0", run.Choice.Beta0);
            JsonNumbers.Write(w, "beta1", run.Choice.Beta1);
            w.WriteEndObject();
            if (run.Result is { } r)
            {
                w.WriteStartObject("result");
                w.WriteString("outcome", OutcomeNames.Name(r.Outcome));
                w.WriteNumber("steps", r.Steps);
                w.WriteNumber("bounces", r.Bounces);
                JsonNumbers.Write(w, "beta0", r.FinalBeta0);
                JsonNumbers.Write(w, "beta1", r.FinalBeta1);
                JsonNumbers.Write(w, "cost", r.FinalCost);
                JsonNumbers.Write(w, "gap", r.Gap);
                w.WriteNumber("score", r.Score);
                w.WriteNumber("stars", r.Stars);
                w.WriteEndObject();
            }

            w.WriteString("digest", run.Digest);
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
