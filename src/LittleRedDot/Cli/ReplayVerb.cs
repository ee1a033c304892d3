using System.CommandLine;
using System.Text.Json;
using LittleRedDot.Content;

namespace LittleRedDot.Cli;

/// <summary>`littlereddot replay FILE… [--json]`: recompute saved runs and say, in words, whether each verifies.</summary>
public static class ReplayVerb
{
    public static Command Create(CliContext context, Option<string?> levels)
    {
        var files = new Argument<string[]>("FILE") { Description = "Run files (*.run.json), or folders to search for them.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per file: file, verified, reason, field, stored, recomputed." };
        var command = new Command("replay", "Verify saved runs: recompute each from its level and choice; never trust the file.") { files, json };
        command.SetAction(parse =>
        {
            var library = context.Library(parse.GetValue(levels));
            var checker = new RunFileChecker(context.FileSystem, library.Find);
            var results = new List<(string File, Verification Verdict)>();
            foreach (var file in checker.Expand(parse.GetValue(files)!))
            {
                context.Cancellation.ThrowIfCancellationRequested();
                var verdict = checker.Check(file);
                results.Add((file, verdict));
                if (!parse.GetValue(json))
                {
                    var shown = CliContext.Shorten(Path.GetFullPath(file));
                    var line = verdict.Verified ? "verified" : verdict.Message;
                    context.Out.WriteLine($"{shown}: {line}");
                }
            }

            var verified = results.Count(r => r.Verdict.Verified);
            var bad = results.Count(r => r.Verdict.IsBadInput);
            var failed = results.Count - verified - bad;
            if (parse.GetValue(json))
            {
                WriteJson(context.Out, results);
            }
            else
            {
                context.Out.WriteLine($"{results.Count} files: {verified} verified, {failed} did not verify, {bad} unreadable or malformed");
            }

            context.Out.Flush();
            return results.Select(r => ExitCodes.For(r.Verdict)).DefaultIfEmpty(ExitCodes.Success).Max();
        });
        return command;
    }

    private static void WriteJson(TerminalWriter output, List<(string File, Verification Verdict)> results)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonNumbers.WriterOptions))
        {
            w.WriteStartArray();
            foreach (var (file, v) in results)
            {
                w.WriteStartObject();
                w.WriteString("file", file);
                w.WriteBoolean("verified", v.Verified);
                w.WriteString("reason", v.ReasonText);
                w.WriteString("message", v.Message);
                WriteOptional(w, "field", v.Field);
                WriteOptional(w, "stored", v.Stored);
                WriteOptional(w, "recomputed", v.Recomputed);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
