using System.CommandLine;
using System.Text.Json;
using LittleRedDot.Content;
using LittleRedDot.Engine;

namespace LittleRedDot.Cli;

/// <summary>`littlereddot levels [--json]`: the packs in order with their levels. Reads level headers only, never data.</summary>
public static class LevelsVerb
{
    public static Command Create(CliContext context, Option<string?> levels)
    {
        var json = new Option<bool>("--json") { Description = "Print [ { pack, title, levels: [ { id, title, path, budget, par } ] } ]." };
        var command = new Command("levels", "List the packs and their levels.") { json };
        command.SetAction(parse =>
        {
            var library = context.Library(parse.GetValue(levels));
            var packs = library.Catalog.Packs();
            var exit = ExitCodes.Success;
            var listed = new List<(Pack Pack, List<LevelSpec> Levels)>();
            foreach (var pack in packs)
            {
                var specs = new List<LevelSpec>();
                foreach (var file in pack.LevelFiles)
                {
                    try
                    {
                        specs.Add(library.Loader.ReadSpec(file));
                    }
                    catch (ContentException e)
                    {
                        context.PrintErrors(e.Errors);
                        exit = ExitCodes.BadInput;
                    }
                }

                listed.Add((pack, specs));
            }

            if (parse.GetValue(json))
            {
                WriteJson(context.Out, listed);
            }
            else
            {
                WriteText(context.Out, listed);
            }

            context.Out.Flush();
            return exit;
        });
        return command;
    }

    public static string FreeParameters(LevelRules rules) => (rules.Beta0.IsFree, rules.Beta1.IsFree) switch
    {
        (true, true) => "β0, β1",
        (true, false) => "β0",
        _ => "β1",
    };

    private static void WriteText(TerminalWriter output, List<(Pack Pack, List<LevelSpec> Levels)> listed)
    {
        if (listed.Count == 0)
        {
            output.WriteLine("no packs in this levels folder");
            return;
        }

        foreach (var (pack, specs) in listed)
        {
            output.WriteLine($"{pack.Title}  [{pack.Name}]{(pack.Workshop ? "  (workshop)" : string.Empty)}");
            if (pack.Problem is { } problem)
            {
                output.WriteLine($"  warning: {problem}");
            }

            foreach (var s in specs)
            {
                output.WriteLine($"  {s.Id,-40} {s.Title,-34} free {FreeParameters(s.Rules),-7} budget {s.Rules.Budget,7}  par {s.Rules.Par}");
            }
        }
    }

    private static void WriteJson(TerminalWriter output, List<(Pack Pack, List<LevelSpec> Levels)> listed)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonNumbers.WriterOptions))
        {
            w.WriteStartArray();
            foreach (var (pack, specs) in listed)
            {
                w.WriteStartObject();
                w.WriteString("pack", pack.Name);
                w.WriteString("title", pack.Title);
                w.WriteBoolean("workshop", pack.Workshop);
                if (pack.Problem is { } problem)
                {
                    w.WriteString("problem", problem.ToString());
                }

                w.WriteStartArray("levels");
                foreach (var s in specs)
                {
                    w.WriteStartObject();
                    w.WriteString("id", s.Id);
                    w.WriteString("title", s.Title);
                    w.WriteString("path", s.Path);
                    w.WriteNumber("budget", s.Rules.Budget);
                    w.WriteNumber("par", s.Rules.Par);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
