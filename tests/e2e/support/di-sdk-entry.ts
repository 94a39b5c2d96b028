/** The entry the e2e tests bundle for the page: Microsoft's Document Intelligence REST client, unchanged. */
import DocumentIntelligence, { getLongRunningPoller, isUnexpected, parseResultIdFromResponse } from '@azure-rest/ai-document-intelligence';

export { DocumentIntelligence, getLongRunningPoller, isUnexpected, parseResultIdFromResponse };
