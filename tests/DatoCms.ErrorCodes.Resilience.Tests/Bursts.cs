using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace DatoCms.ErrorCodes.Resilience.Tests;

/// <summary>Bursts of GETs sent at once, each named by its <c>X-Test-Request</c> id, for the imitations of the API.</summary>
internal static class Bursts
{
    /// <summary>Sends <paramref name="count"/> GETs of <c>items</c> at once; ids are <paramref name="prefix"/> and the index.</summary>
    /// <returns>Each answer's status code, in the order sent.</returns>
    public static Task<int[]> GetStatusesAsync(int count, string prefix, Func<int, HttpClient> clientFor) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "items");
            request.Headers.Add("X-Test-Request", prefix + i);
            using var response = await clientFor(i).SendAsync(request);
            return (int)response.StatusCode;
        }));
}
