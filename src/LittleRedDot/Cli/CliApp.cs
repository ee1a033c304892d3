using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using LittleRedDot.Content;
using LittleRedDot.Engine;
using Microsoft.Extensions.Logging;

namespace LittleRedDot.Cli;

/// <summary>
/// The command line of RULES.md §8: builds the verbs, turns parse errors into exit 2, and turns the
/// errors a user can cause into one or a few plain lines on standard error — never a stack trace.
/// </summary>
public sealed class CliApp(CliContext context)
{
    public static string ProgramVersion =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public RootCommand Build()
    {
        var levels = new Option<string?>("--levels")
        {
            Description = "The levels folder (default: LittleRedDot:Levels in configuration or the environment variable LITTLEREDDOT__LEVELS, else the levels/ shipped with the program).",
            HelpName = "DIR",
            Recursive = true,
        };
        var root = new RootCommand(
            "The Little Red Dot: a terminal game that teaches gradient descent. With no verb, plays the game.\n"
            + (context.Folders.Homeless ? $"Nothing is kept: {UserFolders.NoHome}." : $"Logs go to {context.Folders.LogFile}; settings are read from {context.Folders.SettingsFile}."))
        {
            levels,
        };
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                // §8: `--version` prints the versions wherever it is given (`littlereddot run --version` too).
                version.Recursive = true;
                version.Action = new VersionAction(context);
            }
        }

        var playCommand = PlayVerb.Create(context, levels);
        root.Add(playCommand);
        root.Action = playCommand.Action;
        root.Add(LevelsVerb.Create(context, levels));
        root.Add(RunVerb.Create(context, levels));
        root.Add(ReplayVerb.Create(context, levels));
        root.Add(CheckLevelsVerb.Create(context, levels));
        root.Add(BoardVerb.Create(context, levels));
        root.Add(NewLevelVerb.Create(context, levels));
        root.Add(ServeVerb.Create(context, levels));
        root.Add(RoomVerb.Create(context));
        return root;
    }

    /// <summary>Runs the command line and returns the exit code.</summary>
    public int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);

        // An empty value is never meaningful, and an empty path makes the path APIs throw: refuse it up front.
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].Length == 0)
            {
                var what = i > 0 && args[i - 1].StartsWith('-') ? args[i - 1] : "an argument";
                context.Error.WriteLine($"error: {what} is empty; give a value");
                return ExitCodes.BadInput;
            }
        }

        var root = Build();
        // No response files: `--player @bob` is a player called @bob, not the contents of a file called bob (issue 14).
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors)
            {
                context.Error.WriteLine($"error: {error.Message.Replace('\t', ' ')}");
            }

            var verb = parse.CommandResult.Command == root ? string.Empty : parse.CommandResult.Command.Name + " ";
            context.Error.WriteLine($"Try 'littlereddot {verb}--help'.");
            return ExitCodes.BadInput;
        }

        var log = context.Logging.CreateLogger("littlereddot");
        log.LogInformation("{Verb} started", parse.CommandResult.Command.Name);
        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (UsageException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (ContentException e)
        {
            context.PrintErrors(e.Errors);
            return ExitCodes.BadInput;
        }
        catch (CheckFailedException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.CheckFailed;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not the user's doing: the details go to the log, one plain line to the user.
            log.LogError(e, "{Verb} failed", parse.CommandResult.Command.Name);
            context.Error.WriteLine($"error: internal error ({e.Message}); details are in {context.Folders.LogFile ?? "no log (no home folder)"}");
            return ExitCodes.CheckFailed;
        }
    }

    private sealed class VersionAction(CliContext context) : SynchronousCommandLineAction
    {
        /// <summary>Like --help: a verb's missing required options do not stop `VERB --version`.</summary>
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            context.Out.WriteLine($"littlereddot {ProgramVersion} (rules version {RulesVersion.Current})");
            return ExitCodes.Success;
        }
    }
}
