/** The yearly overview as a download (the API's `format=csv|xlsx` and the page's export link). */
export function overviewFileResponse(file: { filename: string; mediaType: string; body: Uint8Array<ArrayBuffer> }): Response {
  return new Response(file.body, {
    headers: { 'Content-Type': file.mediaType, 'Content-Disposition': `attachment; filename="${file.filename}"`, 'Cache-Control': 'private, no-store' },
  })
}
