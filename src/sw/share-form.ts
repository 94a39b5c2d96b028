/** The files of a Web Share Target's form (multipart/form-data), as the manifest names them. */
import { SHARE_FILES_FIELD } from '../read-api/shared-scans';

/**
 * The shared files, in the order sent. Text fields are ignored, and so is the empty, nameless
 * part a form sends for a file input with nothing chosen; an empty file with a name is kept, so
 * that it is refused like any empty upload.
 */
export function sharedFilesOf(form: FormData): File[] {
  return form
    .getAll(SHARE_FILES_FIELD)
    .filter((entry): entry is File => typeof entry !== 'string')
    .filter((file) => file.name !== '' || file.size > 0);
}
