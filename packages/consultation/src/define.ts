import '@civic-widgets/core/define';
import { defineElement } from '@civic-widgets/core';
import { CivicConsultation } from './consultation.js';
import { CivicConsultationRanking } from './ranking.js';

defineElement('civic-consultation-ranking', CivicConsultationRanking);
defineElement('civic-consultation', CivicConsultation);

declare global {
  interface HTMLElementTagNameMap {
    'civic-consultation': CivicConsultation;
    'civic-consultation-ranking': CivicConsultationRanking;
  }
}
