namespace LittleRedDot.Content;

/// <summary>Collects the located errors of one file.</summary>
internal sealed class ErrorSink(string file)
{
    private readonly List<LocatedError> errors = [];

    public string File { get; } = file;

    public IReadOnlyList<LocatedError> Errors => errors;

    public bool HasErrors => errors.Count > 0;

    public void Add(string location, string message) => errors.Add(new LocatedError(File, location, message));

    public void ThrowIfAny()
    {
        if (errors.Count > 0)
        {
            throw new ContentException(errors.ToArray());
        }
    }
}
