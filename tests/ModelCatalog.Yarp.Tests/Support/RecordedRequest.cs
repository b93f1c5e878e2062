namespace ModelCatalog.Yarp.Tests.Support;

/// <summary>One request as the fake upstream received it.</summary>
public sealed record RecordedRequest(string Method, string Path, byte[] Body, IReadOnlyDictionary<string, string> Headers);
