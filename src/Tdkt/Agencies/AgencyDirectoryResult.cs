using Tdkt.Input;

namespace Tdkt.Agencies;

public sealed record AgencyDirectoryResult(AgencyDirectory? Directory, IReadOnlyList<InputError> Errors);
